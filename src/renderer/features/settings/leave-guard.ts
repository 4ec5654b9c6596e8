import { ElMessageBox } from 'element-plus';
import { inject, onBeforeUnmount, provide, type InjectionKey } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';

interface GuardedForm {
  title: string;
  dirty: () => boolean;
  /** Saves the form; false when main refused (the refusal is shown at the fields). */
  save: () => Promise<boolean>;
}

const FORMS: InjectionKey<Set<GuardedForm>> = Symbol('settings-forms');

/**
 * Everything else in the app saves as the clerk types; settings are saved with a button, because main
 * validates the whole form (and a counter moved back needs a confirmation). So that no edit is lost
 * silently, leaving the page with unsaved changes asks: save and leave, leave without saving, or stay.
 */
export function provideLeaveGuard(): void {
  const forms = new Set<GuardedForm>();
  provide(FORMS, forms);
  onBeforeRouteLeave(async () => {
    const dirty = [...forms].filter((f) => f.dirty());
    if (dirty.length === 0) return true;
    const choice = await ElMessageBox.confirm(
      `“${dirty.map((f) => f.title).join('”“')}”中有修改尚未保存。离开前要保存吗？`,
      '设置尚未保存',
      {
        confirmButtonText: '保存并离开',
        cancelButtonText: '不保存',
        distinguishCancelAndClose: true,
        type: 'warning',
      },
    ).then(
      () => 'save' as const,
      (action: string) => (action === 'cancel' ? ('discard' as const) : ('stay' as const)),
    );
    if (choice === 'stay') return false;
    if (choice === 'discard') return true;
    for (const f of dirty) if (!(await f.save())) return false;
    return true;
  });
}

/**
 * Two states of a form compared as the clerk sees them: an input that turned a null into undefined (Element
 * Plus number inputs do) is no edit.
 */
export function sameForm(a: unknown, b: unknown): boolean {
  const plain = (x: unknown) => JSON.stringify(x, (_key, v: unknown) => (v === undefined ? null : v));
  return plain(a) === plain(b);
}

/** A settings form takes part in the page's leave guard. */
export function useLeaveGuard(title: string, dirty: () => boolean, save: () => Promise<boolean>): void {
  const forms = inject(FORMS, null);
  if (!forms) return;
  const entry: GuardedForm = { title, dirty, save };
  forms.add(entry);
  onBeforeUnmount(() => forms.delete(entry));
}
