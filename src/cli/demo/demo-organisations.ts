import { residentIdCheckCharacter, usccCheckCharacter } from '../../core/identity-codes/index.js';

/** One organisation of the demo space (issue 7's scenario names them). */
export interface DemoOrganisation {
  key: string;
  name: string;
  uscc: string;
  roles: string[];
  serviceKinds?: string[];
  industry: string;
  legalRepresentative: { name: string; idNumber: string };
  contact: { name: string; phone: string; email: string };
  /** The demo connector that acts for it, when it runs one. */
  connector?: string;
}

const uscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;
const residentId = (first17: string) => `${first17}${residentIdCheckCharacter(first17)}`;

/** Henan province (河南省, 410000), as in the public-data authorized-operation rules of seeds/. */
export const demoRegion = '410100';

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'utility',
    name: '省电力公司 Provincial Power Company',
    uscc: uscc('91410100MA3X0P7E1'),
    roles: ['provider'],
    industry: 'D44',
    legalRepresentative: { name: '王建国', idNumber: residentId('41010519680305003') },
    contact: { name: '李敏', phone: '13803710001', email: 'data@power.example.cn' },
    connector: 'utility',
  },
  {
    key: 'bank',
    name: '城商银行 City Commercial Bank',
    uscc: uscc('91410100MA44C8R2X'),
    roles: ['consumer'],
    industry: 'J66',
    legalRepresentative: { name: '陈立', idNumber: residentId('41010319720918002') },
    contact: { name: '赵倩', phone: '13903710002', email: 'risk@citybank.example.cn' },
    connector: 'bank',
  },
  {
    key: 'regulator',
    name: '省数据局 Provincial Data Administration',
    uscc: uscc('11410000MB1957403'),
    roles: ['regulator'],
    industry: 'S92',
    legalRepresentative: { name: '周明', idNumber: residentId('41010219700101004') },
    contact: { name: '孙悦', phone: '13703710003', email: 'oversight@data.henan.example.cn' },
  },
  {
    key: 'compliance',
    name: '合规审查服务公司 Compliance Review Services',
    uscc: uscc('91410100MA9K2W5T3'),
    roles: ['serviceProvider'],
    serviceKinds: ['compliance-review'],
    industry: 'L72',
    legalRepresentative: { name: '刘洋', idNumber: residentId('41010419850620005') },
    contact: { name: '吴静', phone: '13603710004', email: 'review@compliance.example.cn' },
  },
];
