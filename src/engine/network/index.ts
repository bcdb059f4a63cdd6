// Registers this area's modules (see ../wiring.ts).
export {}
