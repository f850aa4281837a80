/** The areas a staff member may choose (invite to, filter the log by), as a select's options. */
export function AreaOptions({ areas }: { areas: ReadonlyArray<{ code: string; name: string }> }) {
  return (
    <>
      {areas.map((a) => (
        <option key={a.code} value={a.code}>
          {a.name}
        </option>
      ))}
    </>
  );
}
