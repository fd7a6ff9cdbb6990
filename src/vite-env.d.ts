/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** 'on' ships the MSW mock backend in a build; the dev server always has it unless 'off'. */
  readonly VITE_MOCK_BACKEND?: 'on' | 'off';
}
