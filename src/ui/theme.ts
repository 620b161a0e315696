/**
 * The colour theme: System / Light / Dark, stored in localStorage ('flotilla-theme') and applied
 * as `data-theme` on <html>. "System" follows prefers-color-scheme live.
 */
import { createSignal } from 'solid-js';

export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_STORAGE_KEY = 'flotilla-theme';

const THEME_COLORS = { dark: '#0f172a', light: '#f8fafc' } as const;

function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

function readStoredPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isThemePreference(stored) ? stored : 'system';
  } catch {
    // Storage can be unavailable (privacy modes); the theme then just isn't remembered.
    return 'system';
  }
}

const [themePreference, setPreferenceSignal] = createSignal<ThemePreference>('system');
const [resolvedTheme, setResolvedTheme] = createSignal<'light' | 'dark'>('dark');
/** The user's choice, and the theme in effect (charts redraw their colours when it changes). */
export { resolvedTheme, themePreference };

const darkQuery = (): MediaQueryList | undefined =>
  typeof matchMedia === 'undefined' ? undefined : matchMedia('(prefers-color-scheme: dark)');

function resolve(preference: ThemePreference): 'light' | 'dark' {
  if (preference !== 'system') return preference;
  // Dark is the default look when the system expresses no preference.
  return darkQuery()?.matches === false ? 'light' : 'dark';
}

function apply(preference: ThemePreference): void {
  const theme = resolve(preference);
  setResolvedTheme(theme);
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLORS[theme]);
}

/** Applies the stored theme and keeps "System" in step with the OS. Call once at startup. */
export function initTheme(): void {
  const preference = readStoredPreference();
  setPreferenceSignal(preference);
  apply(preference);
  darkQuery()?.addEventListener('change', () => apply(themePreference()));
}

/** Stores and applies the user's choice. */
export function setThemePreference(preference: ThemePreference): void {
  setPreferenceSignal(preference);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not persisted when storage is unavailable; the choice still applies to this tab.
  }
  apply(preference);
}
