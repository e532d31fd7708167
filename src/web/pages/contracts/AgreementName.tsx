import { useAgreement } from '../../api/agreements-api';
import { NamedId } from '../../components/NamedId';
import { useNames } from '../../names/use-names';
import { useDatasetTitles } from '../../names/use-dataset-titles';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';

/** An agreement as people know it: the resource's title and the counterpart's name, its id one click away. */
export function AgreementName({ id }: { id: string }) {
  const agreement = useAgreement(id);
  const nameOf = useNames();
  const titleOf = useDatasetTitles(agreement.data ? [agreement.data.datasetId] : []);
  const a = agreement.data;
  const name = a ? [titleOf(a.datasetId), nameOf(a.role === 'provider' ? a.consumerDid : a.providerDid)?.name].filter(Boolean).join(' · ') : '';
  return (
    <NamedId id={id} name={name || undefined}>
      <Link to={paths.agreement(id)}>{name}</Link>
    </NamedId>
  );
}
