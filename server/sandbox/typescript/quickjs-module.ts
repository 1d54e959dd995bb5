import RELEASE_SYNC from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";

const PAGE = 64 * 1024;
const MB = 1024 * 1024;
/** After a run that grew the wasm heap past this, start a fresh module so memory goes back. */
const RECYCLE_ABOVE = 64 * MB;

/**
 * One QuickJS wasm module, reused across runs (a fresh runtime per run costs
 * ~2 ms; a module ~15 ms). Its memory has a hard maximum: QuickJS's own
 * memory limit is not trusted alone.
 */
export function createQuickJSModules(memoryMb: number) {
  let current: Promise<QuickJSWASMModule> | null = null;
  const fresh = () => {
    const memory = new WebAssembly.Memory({ initial: 256, maximum: Math.ceil(((memoryMb + 16) * MB) / PAGE) });
    return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory: memory }));
  };
  return {
    get: () => (current ??= fresh()),
    /** Bytes of wasm memory the module holds now. */
    size: async () => (await (current ??= fresh())).getWasmMemory().buffer.byteLength,
    /** Drop the module (after QuickJS aborted): the next run gets a fresh one. */
    discard(): void {
      current = null;
    },
    async recycleIfLarge(): Promise<void> {
      if (current && (await current).getWasmMemory().buffer.byteLength > RECYCLE_ABOVE) current = null;
    },
  };
}
