import { format, type Locale } from '../core/i18n/locale.js';

/** Every line the CLI prints for a person, in both languages (zh-CN default). */
const messages = {
  usage: {
    'zh-CN': `Trustspace 可信数据空间 {version}

用法：tds <命令> [选项]

命令：
  demo                 在一个进程中启动运营方节点和多个连接器（嵌入式存储，演示数据）
  operator             启动运营方节点
  connector            启动参与方连接器
  ledger verify        离线验证运营方的存证账本（签名、每个条目、一致性）
  dsp token            为演示参与方签发调用某连接器的身份令牌（用于测试其他 DSP 实现）
  trace FILE           读取泄露文件中的水印，指出其交付所依据的协议与使用方

全局选项：
  --lang zh-CN|en      界面语言（默认 zh-CN，或环境变量 TDS_LANG）
  --help               显示帮助

"tds <命令> --help" 查看各命令的选项。`,
    en: `Trustspace trusted data space {version}

Usage: tds <command> [options]

Commands:
  demo                 start an operator and several connectors in one process (embedded storage, demo data)
  operator             start the operator node
  connector            start a participant's connector
  ledger verify        verify the operator's evidence ledger offline (signature, every entry, consistency)
  dsp token            a demo participant's identity token for calling a connector (to test other DSP implementations)
  trace FILE           read a leaked file's watermark: the agreement and consumer it was delivered to

Global options:
  --lang zh-CN|en      language (default zh-CN, or the TDS_LANG environment variable)
  --help               show help

Run "tds <command> --help" for a command's options.`,
  },
  demoUsage: {
    'zh-CN': `用法：tds demo [--dir 目录] [--port 起始端口] [--host 地址] [--database URL] [--scenario-only] [--rerun-scenario]

启动演示空间（运营方与两个连接器），运行演示场景“公共数据赋能普惠金融”并打印各步结果，然后保持运行以供浏览。

  --dir DIR         数据目录（默认 ./.tds-demo；--scenario-only 时默认为用后即删的临时目录），其中写入 endpoints.json
  --port BASE       运营方使用 BASE，连接器依次使用 BASE+1、BASE+2（默认 7070）
  --host HOST       监听地址（默认 127.0.0.1）
  --database URL    postgres:// 数据库，三个节点各用其中一个模式（tds_operator、tds_utility、tds_bank）；默认嵌入式 SQLite
  --scenario-only   只运行场景：打印摘要后退出，任何一步失败则退出码为 1
  --rerun-scenario  再次运行演示场景（每个数据目录默认只在首次启动时运行一次）`,
    en: `Usage: tds demo [--dir DIR] [--port BASE] [--host HOST] [--database URL] [--scenario-only] [--rerun-scenario]

Starts the demo space (an operator and two connectors), runs the demo scenario "public data for
inclusive finance", prints each step's outcome, and stays up to explore.

  --dir DIR         data directory (default ./.tds-demo; with --scenario-only a temporary one, removed afterwards); endpoints.json is written there
  --port BASE       the operator listens on BASE, connectors on BASE+1, BASE+2 (default 7070)
  --host HOST       listen address (default 127.0.0.1)
  --database URL    a postgres:// database; each node keeps its tables in its own schema (tds_operator, tds_utility, tds_bank); embedded SQLite by default
  --scenario-only   run the scenario only: print the summary and exit, with status 1 if any step failed
  --rerun-scenario  run the demo scenario again (by default it runs once per data directory, at the first start)`,
  },
  operatorUsage: {
    'zh-CN': `用法：tds operator [选项]

  --dir DIR           数据目录（默认 ./.tds-operator）：数据库、签名密钥、管理令牌
  --port PORT         监听端口（默认 7070）
  --host HOST         监听地址（默认 127.0.0.1）
  --database URL      数据库（默认 sqlite:DIR/operator.db；或环境变量 TDS_DATABASE_URL，postgres:// 使用 PostgreSQL）
  --origin ORIGIN     账本检查点的来源标识（默认 tds.local/space）
  --hash sha256|sm3   新建空间时账本使用的哈希算法（默认 sha256；sm3 为国密）
  --public-url URL    参与方访问运营方的地址，决定运营方的 did:web（默认 http://HOST:PORT）
  --issuer-alg ALG    新建凭证签发密钥的算法：EdDSA（默认）、ES256 或 SM2（国密）
  --catalog-review R  目录发布的人工审核：always（全部）、never（不需要）、sensitive（默认：重要数据、4 级、敏感个人信息、有条件共享）
  --trust-proxy A     可信反向代理的地址或网段（逗号分隔）；仅信任其 X-Forwarded-For 作为客户端地址（限流与登录节流按此计）

管理令牌：环境变量 TDS_ADMIN_TOKEN；未设置时首次启动生成并写入 DIR/admin-token。`,
    en: `Usage: tds operator [options]

  --dir DIR           data directory (default ./.tds-operator): database, signing key, admin token
  --port PORT         listen port (default 7070)
  --host HOST         listen address (default 127.0.0.1)
  --database URL      database (default sqlite:DIR/operator.db; or TDS_DATABASE_URL; postgres:// selects PostgreSQL)
  --origin ORIGIN     the ledger checkpoint origin (default tds.local/space)
  --hash sha256|sm3   hash of the ledger when the space is created (default sha256; sm3 for 国密)
  --public-url URL    where participants reach the operator; names its did:web (default http://HOST:PORT)
  --issuer-alg ALG    algorithm of a new credential issuer key: EdDSA (default), ES256 or SM2 (国密)
  --catalog-review R  manual review of catalog publications: always, never, or sensitive (default: important data, grade 4, sensitive PI, conditional sharing)
  --trust-proxy A     reverse proxies (addresses or CIDR, comma-separated) whose X-Forwarded-For names the client, for rate limits and login throttling

Admin token: the TDS_ADMIN_TOKEN environment variable; otherwise generated on first start into DIR/admin-token.`,
  },
  connectorUsage: {
    'zh-CN': `用法：tds connector --name 名称 --operator URL [选项]

  --name NAME         参与方连接器名称
  --operator URL      运营方节点地址
  --dir DIR           数据目录（默认 ./.tds-connector-NAME）
  --port PORT         监听端口（默认 7071）
  --host HOST         监听地址（默认 127.0.0.1）
  --database URL      数据库（默认 sqlite:DIR/connector.db；或 TDS_DATABASE_URL）
  --key-alg ALG       连接器身份密钥算法：EdDSA（默认）、ES256 或 SM2（国密）
  --public-url URL    其他连接器与目录访问本连接器的地址（默认 http://HOST:PORT）
  --source-dir DIR    可登记为数据资源的文件所在目录（不设则仅支持上传）
  --sandbox-timeout S 沙箱作业查询的时间上限，秒（默认 60）
  --sandbox-memory M  沙箱引擎的内存上限，如 2GB（默认 2GB）
  --sandbox-threads N 沙箱引擎的线程数（默认 2）
  --trust-proxy A     可信反向代理的地址或网段（逗号分隔）；仅信任其 X-Forwarded-For 作为客户端地址
  --sandbox-max-jobs N 每个使用方可同时排队或运行的沙箱作业数（默认 20）

API 密钥：环境变量 TDS_API_KEY；未设置时首次启动生成并写入 DIR/api-key。`,
    en: `Usage: tds connector --name NAME --operator URL [options]

  --name NAME         the participant connector's name
  --operator URL      the operator node's URL
  --dir DIR           data directory (default ./.tds-connector-NAME)
  --port PORT         listen port (default 7071)
  --host HOST         listen address (default 127.0.0.1)
  --database URL      database (default sqlite:DIR/connector.db; or TDS_DATABASE_URL)
  --key-alg ALG       the connector's identity key algorithm: EdDSA (default), ES256 or SM2 (国密)
  --public-url URL    where other connectors and the catalog reach this connector (default http://HOST:PORT)
  --source-dir DIR    a directory whose files may be registered as assets (uploads only when unset)
  --sandbox-timeout S how long a sandbox job's query may run, in seconds (default 60)
  --sandbox-memory M  the sandbox engine's memory limit, e.g. 2GB (default 2GB)
  --sandbox-threads N the sandbox engine's threads (default 2)
  --trust-proxy A     reverse proxies (addresses or CIDR, comma-separated) whose X-Forwarded-For names the client
  --sandbox-max-jobs N sandbox jobs one consumer may have queued or running at once (default 20)

API key: the TDS_API_KEY environment variable; otherwise generated on first start into DIR/api-key.`,
  },
  verifyUsage: {
    'zh-CN': `用法：tds ledger verify --url 运营方地址 [--key 验证公钥] [--from-checkpoint 文件] [--save-checkpoint 文件] [--hash sha256|sm3]

  --url URL                 运营方节点地址
  --key KEY                 检查点验证公钥（name+keyid+base64）；未给出时从运营方获取（仅首次信任）
  --from-checkpoint FILE    之前保存的检查点：验证当前账本与其一致（未被改写、未分叉）
  --save-checkpoint FILE    验证通过后保存当前检查点，供下次使用
  --hash sha256|sm3         账本哈希算法（默认从条目推断）

退出码：0 验证通过；1 发现篡改或不一致；2 参数或网络错误。`,
    en: `Usage: tds ledger verify --url OPERATOR [--key VERIFIERKEY] [--from-checkpoint FILE] [--save-checkpoint FILE] [--hash sha256|sm3]

  --url URL                 the operator node's URL
  --key KEY                 checkpoint verifier key (name+keyid+base64); fetched from the operator when absent (trust on first use)
  --from-checkpoint FILE    an earlier saved checkpoint: prove the ledger is consistent with it (no rewrite, no fork)
  --save-checkpoint FILE    after success, save the current checkpoint for next time
  --hash sha256|sm3         the ledger's hash algorithm (default: inferred from the entries)

Exit status: 0 verified; 1 tampering or inconsistency found; 2 usage or network error.`,
  },
  dspTokenUsage: {
    'zh-CN': `用法：tds dsp token --as 名称 --audience DID [--dir 目录] [--ttl 秒数]

输出演示参与方（--as）调用 DID 为 --audience 的连接器时使用的 Authorization 值（Bearer 令牌，一行），
令牌在有效期内可多次使用，用于以其他 DSP 实现对接运行中的空间，例如：
  curl -H "Authorization: $(tds dsp token --as bank --audience did:web:…)" …

  --as NAME        演示连接器名称（见 目录/endpoints.json 中的 connectors）
  --audience DID   被调用连接器的 DID
  --dir DIR        tds demo 的数据目录（默认 ./.tds-demo）
  --ttl SECONDS    有效期，1–3600 秒（默认 3600）

退出码：0 已输出；1 连接器拒绝或无法访问；2 参数错误或未知名称。`,
    en: `Usage: tds dsp token --as NAME --audience DID [--dir DIR] [--ttl SECONDS]

Prints the Authorization value (a Bearer token, one line) with which demo participant NAME calls
the connector whose DID is --audience. The token may be presented many times until it expires, to
test another DSP implementation against a running space, e.g.
  curl -H "Authorization: $(tds dsp token --as bank --audience did:web:…)" …

  --as NAME        the demo connector's name (connectors in DIR/endpoints.json)
  --audience DID   the DID of the connector to be called
  --dir DIR        the tds demo data directory (default ./.tds-demo)
  --ttl SECONDS    lifetime, 1-3600 seconds (default 3600)

Exit status: 0 printed; 1 the connector refused or did not answer; 2 usage error or unknown name.`,
  },
  dspEndpointsUnreadable: {
    'zh-CN': '无法读取 {file}：{reason}。请先用 tds demo --dir 目录 启动演示空间。',
    en: 'Cannot read {file}: {reason}. Start the demo space first with tds demo --dir DIR.',
  },
  dspUnknownConnector: { 'zh-CN': '{file} 中没有名为 {name} 的连接器；已知：{names}', en: 'No connector named {name} in {file}; known: {names}' },
  dspConnectorUnreachable: { 'zh-CN': '连接器 {name}（{url}）无法访问：{reason}', en: 'Connector {name} ({url}) did not answer: {reason}' },
  dspTokenRefused: { 'zh-CN': '连接器 {name}（{url}）拒绝签发令牌：{problem}', en: 'Connector {name} ({url}) refused to issue the token: {problem}' },
  unknownCommand: { 'zh-CN': '未知命令：{command}。运行 tds --help 查看用法。', en: 'Unknown command: {command}. Run tds --help for usage.' },
  badOption: { 'zh-CN': '选项错误：{detail}', en: 'Invalid option: {detail}' },
  missingOption: { 'zh-CN': '缺少必需的选项 {option}', en: 'Missing required option {option}' },
  operatorListening: { 'zh-CN': '运营方节点已启动：{url}（API 文档 {url}/docs）', en: 'Operator node listening on {url} (API docs at {url}/docs)' },
  connectorListening: { 'zh-CN': '连接器 {name} 已启动：{url}', en: 'Connector {name} listening on {url}' },
  secretWritten: { 'zh-CN': '已生成 {what}，保存在 {file}（仅本机可读）', en: 'Generated {what}, saved in {file} (readable by this user only)' },
  demoReady: {
    'zh-CN': `Trustspace 演示空间已就绪。
  控制台：   {operator}/ （登录账号与密码见接入信息文件）
  运营方：   {operator}
  连接器：   {connectors}
  接入信息： {endpoints}
  账本验证： {tds} ledger verify --url {operator} --key '{key}'
按 Ctrl+C 停止。`,
    en: `The Trustspace demo space is ready.
  Console:    {operator}/ (logins and passwords in the endpoints file)
  Operator:   {operator}
  Connectors: {connectors}
  Endpoints:  {endpoints}
  Verify:     {tds} ledger verify --url {operator} --key '{key}'
Press Ctrl+C to stop.`,
  },
  stopping: { 'zh-CN': '正在停止…', en: 'Stopping…' },
  demoSetUp: {
    'zh-CN': '空间已启动并准备就绪，用时 {seconds} 秒（三个节点、四家单位入驻、三项资源发布与审核、沙箱合约协商）。',
    en: 'Space started and set up in {seconds} s (three nodes, four organisations admitted, three resources published and reviewed, the sandbox agreement negotiated).',
  },
  demoScenarioSkipped: {
    'zh-CN': '演示场景已于 {ranAt} 在此数据目录运行过，本次不再运行（如需再次运行，请加 --rerun-scenario）。',
    en: 'The demo scenario already ran on this data directory at {ranAt}; not running it again (add --rerun-scenario to run it again).',
  },
  demoStarting: { 'zh-CN': '正在启动演示空间并运行演示场景（首次约需 10–30 秒）…', en: 'Starting the demo space and running the demo scenario (10–30 s the first time)…' },
  verifyKeyFetched: {
    'zh-CN': '注意：验证公钥取自运营方本身（仅首次信任）。请用 --key 指定您信任的公钥。',
    en: 'Note: the verifier key was fetched from the operator itself (trust on first use). Pass --key with a key you trust.',
  },
  verifyCheckpoint: { 'zh-CN': '检查点签名有效：{origin}，条目数 {size}', en: 'Checkpoint signature valid: {origin}, {size} entries' },
  verifyEntries: { 'zh-CN': '已重算全部 {count} 个条目，根哈希与检查点一致', en: 'Recomputed all {count} entries; the root hash matches the checkpoint' },
  verifyConsistent: { 'zh-CN': '与已保存的检查点（条目数 {size}）一致', en: 'Consistent with the saved checkpoint ({size} entries)' },
  verifySaved: { 'zh-CN': '当前检查点已保存到 {file}', en: 'Saved the current checkpoint to {file}' },
  verifyOk: { 'zh-CN': '账本验证通过。', en: 'Ledger verified.' },
  verifyFailed: { 'zh-CN': '账本验证失败：{reason}', en: 'Ledger verification FAILED: {reason}' },
  verifyTampered: { 'zh-CN': '第 {index} 号条目被篡改（与签名检查点不符）', en: 'Entry {index} was tampered with (does not match the signed checkpoint)' },
  verifyError: { 'zh-CN': '无法完成验证：{reason}', en: 'Could not verify: {reason}' },
  traceUsage: {
    'zh-CN': `用法：tds trace 文件

读取交付文件（CSV 或 JSON Lines，也可以是其中部分行、打乱顺序或另存后的副本）中的按使用方水印，
给出该文件交付时所依据的协议和使用方。大文件只读取前 64 MiB。

退出码：0 找到水印；1 未找到有效水印；2 参数错误或无法读取文件。`,
    en: `Usage: tds trace FILE

Reads the per-consumer watermark of a delivered file (CSV or JSON Lines, or some of its rows,
reordered or re-saved) and names the agreement and consumer it was delivered to. Reads at most the
first 64 MiB of a large file.

Exit status: 0 watermark found; 1 no valid watermark; 2 usage error or unreadable file.`,
  },
  traceFound: {
    'zh-CN': `{file} 带有水印：
  协议：   {agreement}
  使用方： {consumer}
  （{carriers} 处水印与之一致）`,
    en: `{file} carries a watermark:
  Agreement: {agreement}
  Consumer:  {consumer}
  ({carriers} carriers agree)`,
  },
  traceNone: {
    'zh-CN': '{file} 中没有有效水印：文件未加水印、保留的带水印行少于 3 行，或水印已被去除或损坏。',
    en: 'No valid watermark in {file}: it was never marked, fewer than 3 marked rows were kept, or the mark was stripped or damaged.',
  },
  traceTruncated: { 'zh-CN': '注意：文件超过 {mib} MiB，只读取了前 {mib} MiB。', en: 'Note: the file is larger than {mib} MiB; only the first {mib} MiB were read.' },
  traceUnreadable: { 'zh-CN': '无法读取 {file}：{reason}', en: 'Cannot read {file}: {reason}' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function message(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  return format(messages[key][locale], values);
}
