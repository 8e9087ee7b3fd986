import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';

/** Previous/Next under a keyset-paged list, with a "what am I looking at" line. */
export function PaginationBar({
  label,
  hasPrevious,
  hasNext,
  busy,
  onPrevious,
  onNext,
}: {
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  return (
    <Inline space="space.100" alignBlock="center" spread="space-between">
      <Text color="color.text.subtle" size="small">
        {label}
      </Text>
      <Inline space="space.100">
        <Button isDisabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </Button>
        <Button isDisabled={!hasNext || busy} onClick={onNext}>
          Next
        </Button>
      </Inline>
    </Inline>
  );
}
