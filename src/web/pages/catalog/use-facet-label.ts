import { useCallback, useMemo } from 'react';
import { useVocabulary } from '../../api/catalog-api';
import type { FacetName } from '../../api/catalog-types';
import { accessModeLabels, classificationLabels, industryLabels, iriTail, kindLabels, priceModelLabels, themeLabels } from '../../i18n/catalog-labels';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/use-i18n';
import { useLabel } from '../../i18n/use-label';

const tables: Partial<Record<FacetName, Record<string, MessageKey>>> = {
  kind: kindLabels,
  classification: classificationLabels,
  accessMode: accessModeLabels,
  priceModel: priceModelLabels,
};

/**
 * The words for a facet value in the console's language: the catalogs' labels, the shared
 * vocabulary's for concepts, the provider's name the operator sent, else the value itself.
 * Industry sections get their GB/T 4754 name after the code (`D 电力、热力…`).
 */
export function useFacetLabel() {
  const { locale } = useI18n();
  const label = useLabel();
  const vocabulary = useVocabulary();
  const concepts = useMemo(() => new Map((vocabulary.data?.concepts ?? []).map((c) => [c.id, c.label])), [vocabulary.data]);

  return useCallback(
    (facet: FacetName, value: string, sent?: string): string => {
      const table = tables[facet];
      if (table) return label(table, value);
      if (facet === 'provider') return sent ?? value;
      if (facet === 'concept') return concepts.get(value)?.[locale] ?? value;
      if (facet === 'theme') return themeLabels[iriTail(value)] ? label(themeLabels, iriTail(value)) : value;
      if (facet === 'industry') return industryLabels[value] ? `${value} ${label(industryLabels, value)}` : value;
      return value;
    },
    [label, concepts, locale],
  );
}
