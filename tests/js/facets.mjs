// Links and hashtags as the networks find them, for edcal's tests: reads a JSON array of texts on stdin,
// prints, for each:
//   bluesky — the link and tag facets Bluesky's app gives the text as it is posted (@atproto/api's
//             RichText.detectFacetsWithoutResolution): [kind, the text the facet covers, its link or tag]
//   x       — the URLs and hashtags X's twitter-text finds: [kind, the text it links]
import { RichText } from "@atproto/api";
import twitter from "twitter-text";

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map((text) => {
    const rich = new RichText({ text });
    rich.detectFacetsWithoutResolution();
    const bytes = Buffer.from(text, "utf8");
    const bluesky = (rich.facets || [])
      .filter((facet) => !facet.features[0].$type.endsWith("#mention"))
      .map((facet) => {
        const feature = facet.features[0];
        const covered = bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString("utf8");
        return [feature.$type.endsWith("#link") ? "link" : "tag", covered, feature.uri ?? feature.tag];
      });
    const x = [
      ...twitter.extractUrlsWithIndices(text).map((found) => ["link", found.url]),
      ...twitter.extractHashtagsWithIndices(text).map((found) => ["tag", "#" + found.hashtag]),
    ];
    return { bluesky, x };
  });
  process.stdout.write(JSON.stringify(results));
});
