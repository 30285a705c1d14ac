// Interop peer for kycrypt's Core addresses (issue 14, item 5): drives npm `@blockchainhub/ican`,
// the ICAN library of the Core Blockchain ecosystem (CB mainnet, AB Devin testnet, CE).
//
// Reads {"tasks":[...]} on stdin, writes {"results":[...]} on stdout, in task order.
// It only reports what ican did; the Rust driver (tests/interop/corepass_go.rs) decides.
//   {op:"is_valid", ican, crypto}     -> {valid}   ICAN.isValid(ican, crypto); crypto false,
//                                                 true, "main", "test" or "enter"
//   {op:"from_bcan", country, bcan}   -> {ican}    ICAN.fromBCAN(country, bcan): ican's own
//                                                 check digits for a 40-hex-digit account
// A library error becomes {id, ok:false, error:"<class>: <message>"}.
"use strict";

const ICAN = require("@blockchainhub/ican");

function run(task) {
  switch (task.op) {
    case "is_valid":
      return { valid: ICAN.isValid(task.ican, task.crypto) };
    case "from_bcan":
      return { ican: ICAN.fromBCAN(task.country, task.bcan) };
    default:
      throw new Error(`unknown op ${task.op}`);
  }
}

require("./peer.js").main(run);
