/** The frame of the shop's information pages (shipping, returns, contact, privacy, terms): one h1, then h2 sections. */
export function InfoPage({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <article className="max-w-prose space-y-8 break-words">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 text-lg text-muted">{intro}</p>
      </header>
      {children}
    </article>
  );
}

/** One section of an information page. */
export function InfoSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="prose-store space-y-3 [&_a]:underline">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
