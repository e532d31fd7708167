import { StatusTag, type TagTone } from '../../components/StatusTag';
import { catalogStatusLabels } from '../../i18n/catalog-labels';
import { useLabel } from '../../i18n/use-label';

const tones: Record<string, TagTone> = {
  pending_review: 'orange',
  published: 'green',
  rejected: 'red',
  unpublished: 'grey',
  withdrawn: 'grey',
};

/** Where an entry stands: 待审核, 已发布, 已驳回, 已撤回发布, 已下架. */
export function CatalogStatusTag({ status }: { status: string }) {
  const label = useLabel();
  return (
    <StatusTag tone={tones[status] ?? 'grey'} value={status}>
      {label(catalogStatusLabels, status)}
    </StatusTag>
  );
}
