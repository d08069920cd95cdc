// The parts of the product editor (app/admin/products/[slug]). Plain forms
// posting to /admin/actions/<name>; each comes back with its values and
// messages. Forms repeated per row (a variant, a kit line, a fit) take the
// flash only when it names their row, so an error shows next to the right one.
import type { ReactNode } from "react";
import { ActionForm, Input, Select, SubmitButton, TextArea, type FormState } from "@/components/admin/form";
import { dollarsText, kitItemName, LIMITS, MAX_KIT_QUANTITY, type ProductForEdit } from "@/lib/admin/products";
import { formatDate } from "@/lib/catalog";

const none: FormState = { values: {}, errors: {} };

/** The state for the form of one row: only when the flash came from that row. */
export function rowState(state: FormState, key: string, id: string): FormState {
  return state.values[key] === id ? state : none;
}

function Hidden({ product }: { product: Pick<ProductForEdit, "id" | "slug"> }) {
  return (
    <>
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="slug" value={product.slug} />
    </>
  );
}

function Section({ id, title, children, hint }: { id: string; title: string; children: ReactNode; hint?: string }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-line bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      {children}
    </section>
  );
}

export function ProductCopyForm({ product, state }: { product: ProductForEdit; state: FormState }) {
  return (
    <Section id="copy" title="Name and copy" hint="Checked for claims the store cannot make before it is saved.">
      <ActionForm action="product.copy" state={state} label={`Copy of ${product.name}`} className="space-y-3">
        <Hidden product={product} />
        <Input name="name" label="Name" state={state} defaultValue={product.name} maxLength={LIMITS.name} required />
        <Input name="tagline" label="Tagline" state={state} defaultValue={product.tagline} maxLength={LIMITS.tagline} required />
        <TextArea
          name="description"
          label="Description"
          state={state}
          defaultValue={product.description}
          maxLength={LIMITS.description}
          rows={8}
          hint={`Up to ${LIMITS.description} characters; line breaks are kept.`}
          required
        />
        <SubmitButton>Save copy</SubmitButton>
      </ActionForm>
    </Section>
  );
}

export function ProductActiveForm({ product, state }: { product: ProductForEdit; state: FormState }) {
  return (
    <Section id="status" title="Shown and sold">
      <p className="text-sm" data-testid="product-active">
        {product.active
          ? "Active: listed in the store and for sale."
          : "Inactive: hidden from the store (its page says not found) and cannot be bought. Past orders keep their copy."}
      </p>
      <ActionForm action="product.active" state={state} label={product.active ? "Make inactive" : "Make active"}>
        <Hidden product={product} />
        <input type="hidden" name="active" value={product.active ? "0" : "1"} />
        <SubmitButton tone={product.active ? "danger" : "primary"}>{product.active ? "Make inactive" : "Make active"}</SubmitButton>
      </ActionForm>
    </Section>
  );
}

export function ProductVariantsEditor({ product, state }: { product: ProductForEdit; state: FormState }) {
  return (
    <Section id="variants" title="Variants" hint="A new price applies to new orders only; orders already placed keep theirs.">
      {product.variants.length === 0 && <p className="text-sm">This product has no variants.</p>}
      <ul className="space-y-4">
        {product.variants.map((v) => {
          const s = rowState(state, "variantId", v.id);
          const professional = s.values.variantId ? s.values.professionalOnly === "on" : !v.homeUse;
          return (
            <li key={v.id} className="rounded border border-line p-3" data-testid="variant">
              <h3 className="font-medium break-all">{v.sku}</h3>
              <p className="text-sm text-muted">{v.stock} in stock</p>
              <ActionForm action="variant.update" state={s} label={`Variant ${v.sku}`} className="mt-2 space-y-3">
                <Hidden product={product} />
                <input type="hidden" name="variantId" value={v.id} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <Input name="label" label="Label" idPrefix={`v-${v.id}-`} state={s} defaultValue={v.label} maxLength={LIMITS.variantLabel} />
                  <Input
                    name="price"
                    label={`Price (${v.currency})`}
                    idPrefix={`v-${v.id}-`}
                    state={s}
                    defaultValue={dollarsText(v.priceCents)}
                    inputMode="decimal"
                    hint="Dollars and cents, like 49.00"
                  />
                </div>
                <div className="flex items-start gap-2">
                  <input
                    id={`v-${v.id}-professionalOnly`}
                    name="professionalOnly"
                    type="checkbox"
                    defaultChecked={professional}
                    className="mt-1 h-4 w-4"
                    aria-describedby={`v-${v.id}-professionalOnly-hint`}
                  />
                  <div>
                    <label htmlFor={`v-${v.id}-professionalOnly`} className="text-sm font-medium">
                      Professional only
                    </label>
                    <p id={`v-${v.id}-professionalOnly-hint`} className="text-xs text-muted">
                      Not sold for home use: shown, but nobody can buy it until professional accounts exist.
                    </p>
                  </div>
                </div>
                <SubmitButton tone="plain">Save {v.sku}</SubmitButton>
              </ActionForm>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

type States = { add: FormState; change: FormState; remove: FormState };

export function KitContentsEditor({ product, states }: { product: ProductForEdit; states: States }) {
  const addState = (type: string) => (states.add.values.type === type ? states.add : none);
  const quantityInput = (s: FormState, prefix: string) => (
    <div className="w-28">
      <Input name="quantity" label="Quantity" idPrefix={prefix} state={s} defaultValue="1" inputMode="numeric" min={1} max={MAX_KIT_QUANTITY} />
    </div>
  );
  return (
    <Section id="kit" title="In the box">
      {product.kitItems.length === 0 ? (
        <p className="text-sm">Nothing is listed in this kit yet.</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="kit-items">
          {product.kitItems.map((item) => {
            const s = rowState(states.change, "kitItemId", item.id);
            const name = kitItemName(item);
            return (
              <li key={item.id} className="space-y-2 py-3" data-testid="kit-item">
                <h3 className="font-medium break-words">{name}</h3>
                <p className="text-sm text-muted">
                  {item.variant
                    ? `SKU ${item.variant.sku}${item.variant.product.active ? "" : " (inactive product)"}`
                    : item.penModel
                      ? "Pen model"
                      : "Only in the kit"}
                </p>
                <div className="flex flex-wrap items-end gap-3">
                  <ActionForm action="kit.quantity" state={s} label={`Quantity of ${name}`} className="flex flex-wrap items-end gap-2">
                    <Hidden product={product} />
                    <input type="hidden" name="kitItemId" value={item.id} />
                    {quantityInput(s.values.kitItemId ? s : { values: { quantity: String(item.quantity) }, errors: {} }, `k-${item.id}-`)}
                    <SubmitButton tone="plain">Change quantity</SubmitButton>
                  </ActionForm>
                  <ActionForm action="kit.remove" state={rowState(states.remove, "kitItemId", item.id)} label={`Remove ${name}`}>
                    <Hidden product={product} />
                    <input type="hidden" name="kitItemId" value={item.id} />
                    <SubmitButton tone="danger">Remove</SubmitButton>
                  </ActionForm>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <h3 className="pt-2 font-medium">Add to the box</h3>
      <div className="grid gap-4 md:grid-cols-3">
        <ActionForm action="kit.add" state={addState("variant")} label="Add a product the store sells" className="space-y-2 rounded border border-line p-3">
          <Hidden product={product} />
          <input type="hidden" name="type" value="variant" />
          <Input name="sku" label="A product the store sells (SKU)" idPrefix="add-v-" state={addState("variant")} hint="For example SRM-HA-30" maxLength={64} />
          {quantityInput(addState("variant"), "add-v-")}
          <SubmitButton tone="plain">Add product</SubmitButton>
        </ActionForm>
        <ActionForm action="kit.add" state={addState("pen")} label="Add a pen" className="space-y-2 rounded border border-line p-3">
          <Hidden product={product} />
          <input type="hidden" name="type" value="pen" />
          <Select
            name="penModelId"
            label="A pen model"
            idPrefix="add-p-"
            state={addState("pen")}
            options={product.penModels.map((p) => ({ value: p.id, label: p.name }))}
          />
          {quantityInput(addState("pen"), "add-p-")}
          <SubmitButton tone="plain">Add pen</SubmitButton>
        </ActionForm>
        <ActionForm action="kit.add" state={addState("label")} label="Add an item only in the kit" className="space-y-2 rounded border border-line p-3">
          <Hidden product={product} />
          <input type="hidden" name="type" value="label" />
          <Input
            name="label"
            label="Something only in the kit"
            idPrefix="add-l-"
            state={addState("label")}
            hint="For example: Travel case"
            maxLength={LIMITS.kitLabel}
          />
          {quantityInput(addState("label"), "add-l-")}
          <SubmitButton tone="plain">Add item</SubmitButton>
        </ActionForm>
      </div>
    </Section>
  );
}

export function FitsEditor({ product, states, today }: { product: ProductForEdit; states: States; today: string }) {
  const fitted = new Set(product.fits.map((f) => f.penModel.id));
  const available = product.penModels.filter((p) => !fitted.has(p.id));
  const addState = states.add;
  return (
    <Section id="fits" title="Fits these pens" hint="Each fit with the day a fit test last confirmed it.">
      {product.fits.length === 0 ? (
        <p className="text-sm">No pen fits are listed yet.</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="fits">
          {product.fits.map((fit) => {
            const s = rowState(states.change, "penModelId", fit.penModel.id);
            return (
              <li key={fit.penModel.id} className="space-y-2 py-3" data-testid="fit">
                <h3 className="font-medium">{fit.penModel.name}</h3>
                <p className="text-sm text-muted">Verified {formatDate(fit.verifiedAt.toISOString(), "UTC")}</p>
                <div className="flex flex-wrap items-end gap-3">
                  <ActionForm action="fit.verify" state={s} label={`Verify fit with ${fit.penModel.name}`} className="flex flex-wrap items-end gap-2">
                    <Hidden product={product} />
                    <input type="hidden" name="penModelId" value={fit.penModel.id} />
                    <Input
                      name="verifiedAt"
                      label="Verified on"
                      type="date"
                      idPrefix={`f-${fit.penModel.id}-`}
                      state={s}
                      defaultValue={fit.verifiedAt.toISOString().slice(0, 10)}
                      max={today}
                    />
                    <SubmitButton tone="plain">Update date</SubmitButton>
                  </ActionForm>
                  <ActionForm action="fit.remove" state={rowState(states.remove, "penModelId", fit.penModel.id)} label={`Remove fit with ${fit.penModel.name}`}>
                    <Hidden product={product} />
                    <input type="hidden" name="penModelId" value={fit.penModel.id} />
                    <SubmitButton tone="danger">Remove</SubmitButton>
                  </ActionForm>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {available.length > 0 && (
        <ActionForm action="fit.add" state={addState} label="Add a pen fit" className="space-y-2 rounded border border-line p-3">
          <h3 className="font-medium">Add a fit</h3>
          <Hidden product={product} />
          <Select name="penModelId" label="Pen model" idPrefix="fit-add-" state={addState} options={available.map((p) => ({ value: p.id, label: p.name }))} />
          <Input name="verifiedAt" label="Fit verified on" type="date" idPrefix="fit-add-" state={addState} defaultValue={today} max={today} />
          <SubmitButton tone="plain">Add fit</SubmitButton>
        </ActionForm>
      )}
    </Section>
  );
}
