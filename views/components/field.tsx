/**
 * @module Accessible form fields: a label tied to its input, a hint, and the error right beside the field
 * (aria-invalid + aria-describedby), so keyboard and screen-reader users hear what to fix.
 */
import type { Child } from "hono/jsx";
import type { FieldErrors } from "../../src/http/validate";

interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  children?: Child;
  inputmode?: "text" | "search" | "email" | "numeric" | "url" | "none" | "tel" | "decimal";
  min?: string;
  max?: string;
  maxlength?: number;
  /** Makes the input's id unique when the same field repeats on a page (one form per table row). */
  idPrefix?: string;
}

export function fieldError(errors: FieldErrors | undefined, name: string): string | undefined {
  return errors?.[name]?.join(" ");
}

export function Field(props: FieldProps) {
  const id = props.idPrefix ? `f-${props.idPrefix}-${props.name}` : `f-${props.name}`;
  const error = fieldError(props.errors, props.name);
  const describedBy = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.children ?? (
        <input
          id={id}
          name={props.name}
          type={props.type ?? "text"}
          value={props.value ?? ""}
          required={props.required}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          min={props.min}
          max={props.max}
          maxlength={props.maxlength}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy || undefined}
        />
      )}
      {error && (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A multi-line text field: a `Field` around a textarea with the same label, id and error wiring. */
export function TextAreaField(props: {
  name: string;
  label: string;
  value: string;
  errors?: FieldErrors;
  rows?: number;
  required?: boolean;
  maxlength?: number;
}) {
  const id = `f-${props.name}`;
  const error = fieldError(props.errors, props.name);
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {props.value}
      </textarea>
    </Field>
  );
}

export function FormErrors({ errors, message }: { errors?: FieldErrors; message?: string }) {
  if (!message && !errors?._) return null;
  return (
    <div class="alert error" role="alert">
      {message ?? errors?._?.join(" ")}
    </div>
  );
}
