/** One text of a `FitGroup`: reports the size it fits at on its own, and is told the size to show. */
export type FitGroupMember = Readonly<{
  report: (ownSize: number) => void;
  leave: () => void;
}>;

/** Sibling texts (the points of a slide, say) that show one font size: the smallest any of them needs. */
export type FitGroup = Readonly<{
  join: (apply: (size: number) => void) => FitGroupMember;
}>;

/**
 * A group whose members each keep the size they fit at alone and show the smallest of those, so a
 * list reads evenly; a member that grows again (its box grew) lifts the others with it.
 */
export function createFitGroup(): FitGroup {
  const members = new Map<symbol, { own: number | null; apply: (size: number) => void }>();
  const spread = (): void => {
    const sizes = [...members.values()].flatMap((m) => (m.own === null ? [] : [m.own]));
    if (sizes.length === 0) return;
    const cap = Math.min(...sizes);
    for (const m of members.values()) if (m.own !== null) m.apply(Math.min(m.own, cap));
  };
  return {
    join: (apply) => {
      const id = Symbol('fit-group-member');
      members.set(id, { own: null, apply });
      return {
        report: (ownSize) => {
          const m = members.get(id);
          if (m === undefined) return;
          m.own = ownSize;
          spread();
        },
        leave: () => {
          members.delete(id);
          spread();
        },
      };
    },
  };
}
