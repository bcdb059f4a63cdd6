// The build-time boot image (vite.config.ts); null under the dev server.
declare module 'virtual:podflow-boot-image' {
  const image: import('../store').BootImage | null
  export default image
}
