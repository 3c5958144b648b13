// Independent counters for edcal's tests: reads a JSON array of texts on stdin,
// prints, for each, what other implementations say about its length:
//   twitter    — X's weighted length from the JavaScript twitter-text (the reference implementation)
//   graphemes  — extended grapheme clusters from ICU (Intl.Segmenter)
//   utf16      — UTF-16 code units (JavaScript string length)
//   bytes      — UTF-8 bytes
//   codepoints — Unicode code points
import twitter from "twitter-text";

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const texts = JSON.parse(input);
  const results = texts.map((text) => ({
    twitter: twitter.parseTweet(text).weightedLength,
    graphemes: [...segmenter.segment(text)].length,
    utf16: text.length,
    bytes: Buffer.byteLength(text, "utf8"),
    codepoints: [...text].length,
  }));
  process.stdout.write(JSON.stringify(results));
});
