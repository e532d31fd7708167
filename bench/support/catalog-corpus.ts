// Vocabularies for the catalog benchmark's generated entries (bench/catalog.ts): the words data
// resources in a Chinese data space are described with, each with its English, grouped by
// domain, plus real GB/T 2260 regions and GB/T 4754 industry divisions. Changing anything here
// changes the generated catalog: bump GENERATOR_VERSION in catalog-generator.ts.

/** A word as titles, descriptions and keywords use it: Chinese and English. */
export type Word = readonly [zh: string, en: string];

/** A dictionary field: column name, Chinese and English title, type, vocabulary concept. */
export type FieldTemplate = readonly [name: string, zh: string, en: string, type: string, concept?: string];

export interface Domain {
  key: string;
  /** EU data-theme authority code (ENER, TRAN, …). */
  theme: string;
  /** GB/T 4754-2017 divisions of the providers of this domain. */
  divisions: readonly string[];
  /** How an organisation of the domain is called: 供电公司 / Power Supply Company. */
  org: readonly Word[];
  words: readonly Word[];
  fields: readonly FieldTemplate[];
  /** Relative share of the catalog. */
  weight: number;
}

const uscc: FieldTemplate = ['uscc', '统一社会信用代码', 'Unified social credit code', 'string', 'tds:uscc'];
const tyshxydm: FieldTemplate = ['tyshxydm', '统一社会信用代码', 'USCC', 'string', 'tds:uscc'];
const entName: FieldTemplate = ['qymc', '企业名称', 'Enterprise name', 'string', 'tds:enterprise-name'];
const count: FieldTemplate = ['sl', '数量', 'Count', 'integer', 'tds:count'];
const lat: FieldTemplate = ['lat', '纬度', 'Latitude', 'number', 'tds:latitude'];
const lng: FieldTemplate = ['lng', '经度', 'Longitude', 'number', 'tds:longitude'];
const address: FieldTemplate = ['dz', '地址', 'Address', 'string', 'tds:address'];
const industry: FieldTemplate = ['hydm', '行业代码', 'Industry code', 'string', 'tds:industry-code'];

export const domains: readonly Domain[] = [
  {
    key: 'power', theme: 'ENER', divisions: ['D44'], weight: 6,
    org: [['供电公司', 'Power Supply Company'], ['电力公司', 'Electric Power Company'], ['能源集团', 'Energy Group']],
    words: [['用电', 'electricity consumption'], ['电量', 'electricity'], ['电网', 'power grid'], ['供电', 'power supply'], ['负荷', 'load'], ['发电', 'power generation'], ['电价', 'electricity price'], ['变电站', 'substation'], ['输电', 'transmission'], ['配电', 'distribution network'], ['峰谷', 'peak valley'], ['电表', 'electric meter'], ['光伏', 'photovoltaic'], ['风电', 'wind power'], ['停电', 'outage']],
    fields: [uscc, ['kwh', '用电量', 'Electricity consumption', 'number', 'tds:electricity-consumption'], ['hh', '户号', 'Account number', 'string'], ['fh', '最大负荷', 'Peak load', 'number'], entName],
  },
  {
    key: 'water', theme: 'ENVI', divisions: ['D46'], weight: 3,
    org: [['自来水公司', 'Water Supply Company'], ['水务集团', 'Water Group']],
    words: [['用水', 'water consumption'], ['供水', 'water supply'], ['水费', 'water bill'], ['水质', 'water quality'], ['水表', 'water meter'], ['污水', 'sewage'], ['排水', 'drainage'], ['管网', 'pipe network'], ['水厂', 'waterworks'], ['节水', 'water saving'], ['水资源', 'water resources'], ['取水', 'water intake']],
    fields: [uscc, ['ysl', '用水量', 'Water consumption', 'number'], ['hh', '户号', 'Account number', 'string'], address],
  },
  {
    key: 'gas', theme: 'ENER', divisions: ['D45'], weight: 2,
    org: [['燃气公司', 'Gas Company'], ['热力公司', 'Heating Company']],
    words: [['燃气', 'gas'], ['天然气', 'natural gas'], ['供热', 'heat supply'], ['热力', 'heating'], ['用气', 'gas consumption'], ['气表', 'gas meter'], ['管道', 'pipeline'], ['锅炉', 'boiler'], ['采暖', 'space heating']],
    fields: [['yql', '用气量', 'Gas consumption', 'number'], ['hh', '户号', 'Account number', 'string'], address],
  },
  {
    key: 'tax', theme: 'ECON', divisions: ['S92'], weight: 4,
    org: [['税务局', 'Tax Bureau']],
    words: [['纳税', 'tax payment'], ['税务', 'taxation'], ['税收', 'tax revenue'], ['增值税', 'value added tax'], ['所得税', 'income tax'], ['发票', 'invoice'], ['开票', 'invoicing'], ['申报', 'tax return'], ['退税', 'tax refund'], ['欠税', 'tax arrears'], ['减免', 'tax relief'], ['纳税人', 'taxpayer']],
    fields: [tyshxydm, ['nsrmc', '纳税人名称', 'Taxpayer name', 'string', 'tds:enterprise-name'], ['nse', '纳税额', 'Tax paid', 'number', 'tds:tax-amount'], ['yysr', '营业收入', 'Revenue', 'number', 'tds:revenue'], industry],
  },
  {
    key: 'social', theme: 'SOCI', divisions: ['S93'], weight: 4,
    org: [['人力资源和社会保障局', 'Human Resources and Social Security Bureau'], ['社会保险事业管理中心', 'Social Insurance Centre']],
    words: [['社保', 'social insurance'], ['参保', 'insured'], ['养老', 'pension'], ['医保', 'medical insurance'], ['失业', 'unemployment'], ['工伤', 'work injury'], ['生育', 'maternity'], ['缴费', 'contribution'], ['待遇', 'benefits'], ['基数', 'contribution base'], ['退休', 'retirement']],
    fields: [uscc, ['cbrs', '参保人数', 'Insured employees', 'integer', 'tds:employee-count'], ['jfje', '缴费金额', 'Contribution amount', 'number', 'tds:amount'], ['xm', '姓名', 'Name', 'string', 'tds:person-name']],
  },
  {
    key: 'fund', theme: 'SOCI', divisions: ['S93'], weight: 2,
    org: [['住房公积金管理中心', 'Housing Provident Fund Centre']],
    words: [['公积金', 'housing provident fund'], ['缴存', 'deposit'], ['提取', 'withdrawal'], ['住房', 'housing'], ['贷款余额', 'loan balance'], ['账户', 'account'], ['个贷', 'personal loan'], ['缴存比例', 'deposit rate']],
    fields: [uscc, ['jcrs', '缴存人数', 'Depositors', 'integer', 'tds:employee-count'], ['jcje', '缴存金额', 'Deposit amount', 'number', 'tds:amount'], ['dkje', '贷款金额', 'Loan amount', 'number', 'tds:loan-amount']],
  },
  {
    key: 'traffic', theme: 'TRAN', divisions: ['G54', 'G53', 'S92'], weight: 5,
    org: [['交通运输局', 'Transport Bureau'], ['公交集团', 'Bus Group'], ['地铁集团', 'Metro Group']],
    words: [['交通', 'traffic'], ['道路', 'road'], ['公路', 'highway'], ['车辆', 'vehicle'], ['客运', 'passenger transport'], ['货运', 'freight'], ['公交', 'bus'], ['地铁', 'metro'], ['拥堵', 'congestion'], ['路况', 'road condition'], ['停车', 'parking'], ['卡口', 'checkpoint'], ['出行', 'trips'], ['高速', 'expressway'], ['收费站', 'toll station']],
    fields: [['cph', '车牌号', 'Plate number', 'string'], ['sj', '时间', 'Time', 'datetime', 'tds:datetime'], lat, lng, ['ll', '流量', 'Flow', 'integer', 'tds:count']],
  },
  {
    key: 'logistics', theme: 'TRAN', divisions: ['G58', 'G59', 'G60'], weight: 4,
    org: [['物流有限公司', 'Logistics Co., Ltd.'], ['港务集团', 'Port Group'], ['快递公司', 'Express Company']],
    words: [['物流', 'logistics'], ['快递', 'express delivery'], ['仓储', 'warehousing'], ['运单', 'waybill'], ['配送', 'delivery'], ['港口', 'port'], ['集装箱', 'container'], ['吞吐量', 'throughput'], ['航运', 'shipping'], ['航班', 'flight'], ['铁路', 'railway'], ['运输', 'transport']],
    fields: [['ydh', '运单号', 'Waybill number', 'string'], uscc, ['zl', '重量', 'Weight', 'number'], address, ['sj', '时间', 'Time', 'datetime', 'tds:datetime']],
  },
  {
    key: 'health', theme: 'HEAL', divisions: ['Q84'], weight: 4,
    org: [['卫生健康委员会', 'Health Commission'], ['人民医院', "People's Hospital"], ['疾病预防控制中心', 'Centre for Disease Control']],
    words: [['医疗', 'medical'], ['医院', 'hospital'], ['门诊', 'outpatient'], ['住院', 'inpatient'], ['病床', 'hospital beds'], ['药品', 'drugs'], ['处方', 'prescription'], ['诊疗', 'diagnosis and treatment'], ['疾病', 'disease'], ['卫生', 'health'], ['疫苗', 'vaccine'], ['体检', 'health check'], ['医生', 'doctors'], ['护士', 'nurses']],
    fields: [['jgdm', '机构代码', 'Institution code', 'string'], ['mzrc', '门诊人次', 'Outpatient visits', 'integer', 'tds:count'], count, ['rq', '日期', 'Date', 'date', 'tds:date']],
  },
  {
    key: 'education', theme: 'EDUC', divisions: ['P83'], weight: 3,
    org: [['教育局', 'Education Bureau'], ['大学', 'University']],
    words: [['教育', 'education'], ['学校', 'schools'], ['学生', 'students'], ['教师', 'teachers'], ['招生', 'enrolment'], ['毕业', 'graduation'], ['高校', 'universities'], ['课程', 'courses'], ['学位', 'degrees'], ['培训', 'training'], ['职业教育', 'vocational education']],
    fields: [['xxdm', '学校代码', 'School code', 'string'], ['xss', '学生数', 'Students', 'integer', 'tds:count'], ['nd', '年度', 'Year', 'year', 'tds:year']],
  },
  {
    key: 'weather', theme: 'ENVI', divisions: ['M74'], weight: 2,
    org: [['气象局', 'Meteorological Bureau'], ['气象服务中心', 'Weather Service Centre']],
    words: [['气象', 'meteorological'], ['天气', 'weather'], ['降水', 'precipitation'], ['气温', 'temperature'], ['风速', 'wind speed'], ['湿度', 'humidity'], ['台风', 'typhoon'], ['预报', 'forecast'], ['雷达', 'radar'], ['卫星', 'satellite'], ['灾害', 'disaster'], ['预警', 'early warning']],
    fields: [['zdh', '站点号', 'Station number', 'string'], ['qw', '气温', 'Temperature', 'number'], lat, lng, ['sj', '观测时间', 'Observation time', 'datetime', 'tds:datetime']],
  },
  {
    key: 'agriculture', theme: 'AGRI', divisions: ['A01', 'A03', 'A04'], weight: 3,
    org: [['农业农村局', 'Agriculture and Rural Affairs Bureau'], ['农业发展有限公司', 'Agricultural Development Co., Ltd.']],
    words: [['农业', 'agriculture'], ['种植', 'planting'], ['粮食', 'grain'], ['耕地', 'farmland'], ['农产品', 'agricultural products'], ['畜牧', 'livestock'], ['养殖', 'breeding'], ['渔业', 'fishery'], ['化肥', 'fertiliser'], ['农机', 'farm machinery'], ['灌溉', 'irrigation'], ['产量', 'yield'], ['土壤', 'soil']],
    fields: [['dkbm', '地块编码', 'Plot code', 'string'], ['mj', '面积', 'Area', 'number'], ['cl', '产量', 'Yield', 'number'], ['nd', '年度', 'Year', 'year', 'tds:year']],
  },
  {
    key: 'credit', theme: 'ECON', divisions: ['L72', 'J66'], weight: 3,
    org: [['征信有限公司', 'Credit Reference Co., Ltd.'], ['信用信息中心', 'Credit Information Centre']],
    words: [['信用', 'credit'], ['征信', 'credit reference'], ['评级', 'rating'], ['失信', 'dishonesty'], ['守信', 'trustworthiness'], ['违约', 'default'], ['授信', 'credit line'], ['信用报告', 'credit report'], ['黑名单', 'blacklist'], ['红名单', 'honour list'], ['信用修复', 'credit repair']],
    fields: [uscc, entName, ['xypf', '信用评分', 'Credit score', 'number', 'tds:credit-score'], ['pj', '评级', 'Rating', 'string']],
  },
  {
    key: 'registry', theme: 'ECON', divisions: ['S92'], weight: 4,
    org: [['市场监督管理局', 'Market Regulation Bureau']],
    words: [['工商', 'business registration'], ['登记', 'registration'], ['注册', 'incorporation'], ['法人', 'legal person'], ['股东', 'shareholders'], ['注册资本', 'registered capital'], ['经营范围', 'business scope'], ['年报', 'annual report'], ['变更', 'changes'], ['注销', 'deregistration'], ['许可', 'licences'], ['市场主体', 'market entities']],
    fields: [uscc, entName, ['zczb', '注册资本', 'Registered capital', 'number', 'tds:registered-capital'], ['fddbr', '法定代表人', 'Legal representative', 'string', 'tds:person-name'], address, industry],
  },
  {
    key: 'finance', theme: 'ECON', divisions: ['J66', 'J67', 'J68'], weight: 4,
    org: [['商业银行', 'Commercial Bank'], ['农村商业银行', 'Rural Commercial Bank'], ['保险公司', 'Insurance Company']],
    words: [['金融', 'finance'], ['银行', 'banking'], ['存款', 'deposits'], ['贷款', 'loans'], ['利率', 'interest rate'], ['保险', 'insurance'], ['理财', 'wealth management'], ['证券', 'securities'], ['支付', 'payments'], ['结算', 'settlement'], ['不良', 'non-performing'], ['普惠', 'inclusive finance']],
    fields: [uscc, ['dkje', '贷款金额', 'Loan amount', 'number', 'tds:loan-amount'], ['bz', '币种', 'Currency', 'string', 'tds:currency'], ['yf', '月份', 'Month', 'yearmonth', 'tds:month']],
  },
  {
    key: 'statistics', theme: 'ECON', divisions: ['S92'], weight: 4,
    org: [['统计局', 'Statistics Bureau'], ['调查队', 'Survey Office']],
    words: [['调查', 'survey'], ['普查', 'census'], ['指标', 'indicators'], ['经济', 'economy'], ['产值', 'output value'], ['增加值', 'value added'], ['投资', 'investment'], ['固定资产', 'fixed assets'], ['国民经济', 'national economy'], ['生产总值', 'gross domestic product']],
    fields: [['zbdm', '指标代码', 'Indicator code', 'string'], ['zbz', '指标值', 'Indicator value', 'number', 'tds:amount'], ['nd', '年度', 'Year', 'year', 'tds:year'], industry],
  },
  {
    key: 'population', theme: 'SOCI', divisions: ['S92'], weight: 3,
    org: [['公安局', 'Public Security Bureau'], ['民政局', 'Civil Affairs Bureau']],
    words: [['人口', 'population'], ['户籍', 'household registration'], ['常住', 'resident'], ['流动', 'migrant'], ['出生', 'births'], ['死亡', 'deaths'], ['婚姻', 'marriage'], ['家庭', 'households'], ['就业', 'employment'], ['劳动力', 'labour force'], ['老龄', 'ageing']],
    fields: [['rks', '人口数', 'Population', 'integer', 'tds:count'], ['xb', '性别', 'Sex', 'string'], ['nld', '年龄段', 'Age group', 'string']],
  },
  {
    key: 'consumption', theme: 'ECON', divisions: ['F51', 'F52', 'H61', 'H62'], weight: 4,
    org: [['商务局', 'Commerce Bureau'], ['商贸有限公司', 'Trading Co., Ltd.'], ['文旅集团', 'Culture and Tourism Group']],
    words: [['消费', 'consumption'], ['零售', 'retail'], ['商品', 'goods'], ['价格', 'prices'], ['物价', 'price level'], ['销售', 'sales'], ['电商', 'e-commerce'], ['网购', 'online shopping'], ['餐饮', 'catering'], ['旅游', 'tourism'], ['景区', 'scenic spots'], ['酒店', 'hotels']],
    fields: [['spbm', '商品编码', 'Product code', 'string'], ['xse', '销售额', 'Sales', 'number', 'tds:revenue'], ['jg', '价格', 'Price', 'number', 'tds:amount'], ['rq', '日期', 'Date', 'date', 'tds:date']],
  },
  {
    key: 'environment', theme: 'ENVI', divisions: ['N77'], weight: 3,
    org: [['生态环境局', 'Ecology and Environment Bureau'], ['环境监测站', 'Environmental Monitoring Station']],
    words: [['环境', 'environment'], ['空气', 'air'], ['排放', 'emissions'], ['污染', 'pollution'], ['碳排放', 'carbon emissions'], ['噪声', 'noise'], ['固废', 'solid waste'], ['生态', 'ecology'], ['绿化', 'greening'], ['环保', 'environmental protection'], ['水源地', 'water source']],
    fields: [['zddm', '站点代码', 'Site code', 'string'], ['nd', '浓度', 'Concentration', 'number'], lat, lng, ['sj', '监测时间', 'Monitoring time', 'datetime', 'tds:datetime']],
  },
  {
    key: 'urban', theme: 'REGI', divisions: ['K70', 'E47', 'N78'], weight: 4,
    org: [['自然资源和规划局', 'Natural Resources and Planning Bureau'], ['住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'], ['城市建设投资集团', 'Urban Construction Investment Group']],
    words: [['规划', 'planning'], ['建筑', 'buildings'], ['房屋', 'houses'], ['住宅', 'residential'], ['土地', 'land'], ['不动产', 'real estate'], ['地块', 'land parcels'], ['城建', 'urban construction'], ['市政', 'municipal'], ['路灯', 'street lights'], ['小区', 'residential communities']],
    fields: [['bdcdyh', '不动产单元号', 'Real estate unit number', 'string'], address, ['mj', '面积', 'Area', 'number'], lat, lng],
  },
  {
    key: 'safety', theme: 'JUST', divisions: ['S92'], weight: 2,
    org: [['应急管理局', 'Emergency Management Bureau'], ['消防救援支队', 'Fire and Rescue Detachment']],
    words: [['治安', 'public order'], ['安全', 'safety'], ['消防', 'fire'], ['应急', 'emergency'], ['事故', 'accidents'], ['案件', 'cases'], ['巡逻', 'patrols'], ['隐患', 'hazards'], ['救援', 'rescue']],
    fields: [['sjbh', '事件编号', 'Event number', 'string'], address, ['fssj', '发生时间', 'Time of event', 'datetime', 'tds:datetime'], lat, lng],
  },
  {
    key: 'technology', theme: 'TECH', divisions: ['I63', 'I64', 'I65', 'M73'], weight: 4,
    org: [['数据科技有限公司', 'Data Technology Co., Ltd.'], ['信息技术有限公司', 'Information Technology Co., Ltd.'], ['通信公司', 'Telecom Company']],
    words: [['科技', 'technology'], ['专利', 'patents'], ['研发', 'research and development'], ['高新', 'high tech'], ['软件', 'software'], ['算力', 'computing power'], ['网络', 'network'], ['通信', 'telecommunications'], ['基站', 'base stations'], ['流量', 'traffic volume'], ['电子', 'electronic'], ['人工智能', 'artificial intelligence']],
    fields: [uscc, ['zlh', '专利号', 'Patent number', 'string'], ['yfje', '研发投入', 'R&D spending', 'number', 'tds:amount'], ['sqrq', '申请日期', 'Application date', 'date', 'tds:date']],
  },
  {
    key: 'manufacturing', theme: 'ECON', divisions: ['C26', 'C36', 'C38', 'C39'], weight: 4,
    org: [['制造有限公司', 'Manufacturing Co., Ltd.'], ['电气股份有限公司', 'Electric Co., Ltd.'], ['汽车集团', 'Automotive Group']],
    words: [['制造', 'manufacturing'], ['工业', 'industry'], ['产能', 'capacity'], ['设备', 'equipment'], ['原材料', 'raw materials'], ['订单', 'orders'], ['供应链', 'supply chain'], ['质检', 'quality inspection'], ['产品', 'products'], ['能耗', 'energy consumption'], ['电气', 'electric'], ['工厂', 'factories']],
    fields: [uscc, ['cpbm', '产品编码', 'Product code', 'string'], ['cl', '产量', 'Output', 'number', 'tds:count'], ['nh', '综合能耗', 'Energy consumption', 'number'], ['yf', '月份', 'Month', 'yearmonth', 'tds:month']],
  },
  {
    key: 'government', theme: 'GOVE', divisions: ['S92'], weight: 4,
    org: [['政务服务和数据管理局', 'Government Services and Data Administration'], ['大数据中心', 'Big Data Centre']],
    words: [['政务', 'government affairs'], ['审批', 'approvals'], ['办件', 'service cases'], ['服务', 'services'], ['事项', 'matters'], ['窗口', 'service windows'], ['热线', 'hotline'], ['投诉', 'complaints'], ['满意度', 'satisfaction'], ['公开', 'disclosure'], ['一网通办', 'one-stop online service']],
    fields: [['bjbh', '办件编号', 'Case number', 'string'], ['sxmc', '事项名称', 'Matter name', 'string'], ['blsj', '办理时间', 'Processing time', 'datetime', 'tds:datetime'], address],
  },
];

/** Words any data resource is described with, whatever its domain. */
export const generalWords: readonly Word[] = [
  ['企业', 'enterprise'], ['个人', 'personal'], ['月度', 'monthly'], ['年度', 'annual'], ['季度', 'quarterly'], ['日度', 'daily'], ['明细', 'details'],
  ['汇总', 'summary'], ['统计', 'statistics'], ['台账', 'ledger'], ['清单', 'list'], ['目录', 'directory'], ['报表', 'report'], ['指数', 'index'],
  ['分析', 'analysis'], ['监测', 'monitoring'], ['信息', 'information'], ['情况', 'status'], ['名单', 'roster'], ['记录', 'records'], ['档案', 'archive'],
  ['分布', 'distribution'], ['趋势', 'trends'], ['排名', 'ranking'], ['规模以上', 'above designated size'], ['重点', 'key'], ['区域', 'regional'],
  ['全市', 'citywide'], ['全省', 'provincewide'], ['县域', 'county level'], ['实时', 'real-time'], ['历史', 'historical'], ['基础', 'basic'], ['综合', 'comprehensive'],
  ['动态', 'dynamic'], ['画像', 'profile'], ['评价', 'evaluation'], ['标签', 'labels'], ['城市', 'urban'], ['农村', 'rural'], ['小微', 'small and micro'],
  ['中小企业', 'small and medium enterprises'], ['居民', 'residents'], ['公共', 'public'], ['运行', 'operation'], ['质量', 'quality'], ['规模', 'scale'], ['结构', 'structure'],
];

/** How a resource is called at the end of a title. */
export const resourceNouns: readonly Word[] = [['数据', 'data'], ['数据集', 'dataset'], ['信息', 'information'], ['统计表', 'statistics table'], ['明细表', 'detail table'], ['库', 'database'], ['接口', 'API'], ['指数', 'index']];

/** GB/T 2260 codes with their names: provinces, prefectures and a few districts; weight ~ share of catalog. */
export const regions: ReadonlyArray<readonly [code: string, zh: string, en: string, weight: number]> = [
  ['110000', '北京市', 'Beijing', 8], ['120000', '天津市', 'Tianjin', 3], ['310000', '上海市', 'Shanghai', 8], ['500000', '重庆市', 'Chongqing', 4],
  ['130100', '石家庄市', 'Shijiazhuang', 2], ['140100', '太原市', 'Taiyuan', 1], ['150100', '呼和浩特市', 'Hohhot', 1], ['210100', '沈阳市', 'Shenyang', 2],
  ['210200', '大连市', 'Dalian', 2], ['220100', '长春市', 'Changchun', 1], ['230100', '哈尔滨市', 'Harbin', 1], ['320100', '南京市', 'Nanjing', 4],
  ['320200', '无锡市', 'Wuxi', 2], ['320500', '苏州市', 'Suzhou', 4], ['330100', '杭州市', 'Hangzhou', 6], ['330106', '西湖区', 'Xihu District', 1],
  ['330200', '宁波市', 'Ningbo', 3], ['330300', '温州市', 'Wenzhou', 2], ['340100', '合肥市', 'Hefei', 3], ['350100', '福州市', 'Fuzhou', 2],
  ['350200', '厦门市', 'Xiamen', 2], ['360100', '南昌市', 'Nanchang', 1], ['370100', '济南市', 'Jinan', 3], ['370200', '青岛市', 'Qingdao', 3],
  ['410000', '河南省', 'Henan', 3], ['410100', '郑州市', 'Zhengzhou', 5], ['410105', '金水区', 'Jinshui District', 1], ['410300', '洛阳市', 'Luoyang', 2],
  ['410700', '新乡市', 'Xinxiang', 1], ['420100', '武汉市', 'Wuhan', 4], ['430100', '长沙市', 'Changsha', 3], ['440000', '广东省', 'Guangdong', 3],
  ['440100', '广州市', 'Guangzhou', 6], ['440300', '深圳市', 'Shenzhen', 7], ['440305', '南山区', 'Nanshan District', 1], ['440600', '佛山市', 'Foshan', 2],
  ['441900', '东莞市', 'Dongguan', 2], ['450100', '南宁市', 'Nanning', 1], ['460100', '海口市', 'Haikou', 1], ['510100', '成都市', 'Chengdu', 5],
  ['520100', '贵阳市', 'Guiyang', 3], ['530100', '昆明市', 'Kunming', 1], ['540100', '拉萨市', 'Lhasa', 1], ['610100', '西安市', "Xi'an", 3],
  ['620100', '兰州市', 'Lanzhou', 1], ['630100', '西宁市', 'Xining', 1], ['640100', '银川市', 'Yinchuan', 1], ['650100', '乌鲁木齐市', 'Urumqi', 1],
];

export const frequencies: ReadonlyArray<readonly [iri: string, zh: string, en: string]> = [
  ['http://purl.org/cld/freq/daily', '每日', 'daily'], ['http://purl.org/cld/freq/monthly', '每月', 'monthly'],
  ['http://purl.org/cld/freq/quarterly', '每季度', 'quarterly'], ['http://purl.org/cld/freq/annual', '每年', 'yearly'],
  ['http://purl.org/cld/freq/continuous', '实时', 'continuously'],
];

/** Fields many datasets have besides their domain's: where and when. */
export const commonFields: readonly FieldTemplate[] = [
  ['xzqhdm', '行政区划代码', 'Region code', 'string', 'tds:region-code'],
  ['tjrq', '统计日期', 'Statistics date', 'date', 'tds:date'],
  ['tjyf', '统计月份', 'Statistics month', 'yearmonth', 'tds:month'],
  ['tjnd', '统计年度', 'Statistics year', 'year', 'tds:year'],
  ['gxsj', '更新时间', 'Updated at', 'datetime', 'tds:datetime'],
];
