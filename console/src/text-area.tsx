/** A labelled text box holding its value in the page's state (each keystroke handed to `onText`). */
export function TextArea(props: {
  label: string;
  value: string;
  onText: (text: string) => void;
  rows?: number;
  maxLength?: number;
  testId?: string;
}) {
  const { label, value, onText, rows = 3, maxLength, testId } = props;
  return (
    <label>
      <span>{label}</span>
      <textarea
        rows={rows}
        maxLength={maxLength}
        value={value}
        onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)}
        data-testid={testId}
      />
    </label>
  );
}
