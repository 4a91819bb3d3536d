/** The part of js-md4 the NTLM verifier uses (the package ships no types). */
declare module 'js-md4' {
  interface Md4 {
    (message: string | ArrayBuffer | Uint8Array): string;
    arrayBuffer(message: string | ArrayBuffer | Uint8Array): ArrayBuffer;
    hex(message: string | ArrayBuffer | Uint8Array): string;
  }
  const md4: Md4;
  export = md4;
}
