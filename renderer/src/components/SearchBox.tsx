interface SearchBoxProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}

/** A labelled search-as-you-type box; Esc clears it. Urdu shows right to left as typed. */
export function SearchBox({ id, label, placeholder, value, onChange }: SearchBoxProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        dir="auto"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChange('');
        }}
      />
    </>
  );
}
