/** Types for the one qrcode 1.5.4 module Sambang imports (its published types cover only the main entry). */
declare module "qrcode/lib/core/qrcode.js" {
  interface BitMatrix {
    size: number;
    get(row: number, col: number): boolean | number;
  }
  const QRCodeCore: {
    create(text: string, options: { errorCorrectionLevel?: "L" | "M" | "Q" | "H" }): { modules: BitMatrix };
  };
  export default QRCodeCore;
}
