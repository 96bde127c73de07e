import { useLayoutEffect, useRef, useState, type Ref } from 'react';

interface ErrorSummaryProps {
  /** "3 fields need attention before saving." or the refusal main sent. */
  message: string;
  /** The messages by field; the list is read from the fields marked invalid, in form order. */
  errors: Record<string, string | undefined>;
  ref?: Ref<HTMLDivElement>;
}

interface Item {
  id: string;
  label: string;
  message: string;
}

/** The field's visible name, with its group (e.g. "Party 2") where the same label repeats. */
function labelOf(field: HTMLElement): string {
  const own = (field as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? field.getAttribute('aria-label') ?? field.id;
  const group = field.closest('fieldset:not(.form-section)')?.querySelector(':scope > legend')?.textContent?.trim();
  return group ? `${group} · ${own}` : own;
}

function messageOf(field: HTMLElement): string {
  const ids = field.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  const errorId = ids.find((id) => id.endsWith('-error'));
  return (errorId && document.getElementById(errorId)?.textContent?.trim()) || 'Needs attention';
}

/**
 * The summary above a form after a failed save: it names every field that needs attention and
 * links to it, so Enter on a line puts focus in that field.
 */
export function ErrorSummary({ message, errors, ref }: ErrorSummaryProps) {
  const own = useRef<HTMLDivElement | null>(null);
  const [items, setItems] = useState<Item[]>([]);

  useLayoutEffect(() => {
    const form = own.current?.closest('form');
    if (!form) return;
    const fields = [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
    setItems(fields.filter((field) => field.id).map((field) => ({ id: field.id, label: labelOf(field), message: messageOf(field) })));
  }, [errors, message]);

  return (
    <div
      className="form-summary error-summary"
      role="alert"
      tabIndex={-1}
      ref={(node) => {
        own.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
    >
      {message}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  const field = document.getElementById(item.id);
                  field?.scrollIntoView({ block: 'center' });
                  field?.focus();
                }}
              >
                <bdi>{item.label}</bdi>
              </a>
              : {item.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
