// One line at the top for the store's notices (fork, bad link) and action errors.
export function Notice({ text, onClose }: { text: string | null; onClose: () => void }) {
  if (!text) return null
  return (
    <div role="status" data-testid="notice" className="absolute left-1/2 top-2 z-20 flex max-w-[70%] -translate-x-1/2 items-start gap-3 rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow dark:bg-amber-950 dark:text-amber-100">
      <span className="whitespace-pre-wrap">{text}</span>
      <button aria-label="close" className="font-bold" onClick={onClose}>×</button>
    </div>
  )
}
