import { onBeforeUnmount, onMounted, watch } from 'vue';

/**
 * A stylesheet that exists only while a page is shown, for rules that cannot be scoped to a component
 * (@page size and margins: the ranking table prints landscape on A4/A3, the briefing portrait A4).
 */
export function usePageStyle(css: () => string): void {
  let el: HTMLStyleElement | null = null;
  onMounted(() => {
    el = document.createElement('style');
    el.dataset['pageStyle'] = 'true';
    el.textContent = css();
    document.head.appendChild(el);
  });
  watch(css, (text) => {
    if (el) el.textContent = text;
  });
  onBeforeUnmount(() => {
    el?.remove();
    el = null;
  });
}
