# The links Mastodon's servers find in a text, for edcal's tests: reads a JSON array of texts on stdin and
# prints, for each, the text of each link, as its status formatter and its length validator find them
# (Extractor.extract_urls_with_indices(text, extract_url_without_protocol: false)).
#
# Mastodon changes twitter-text's URL expression in config/initializers/twitter_regex.rb; the same changes
# are made here, in the same order, to Debian's twitter-text (ruby-twitter-text, 1.14: the namespace is
# Twitter::Regex where Mastodon's twitter-text 3 has Twitter::TwitterText::Regex). Its domains and top-level
# domains are 1.14's own: the tests' texts use common ones (.fr, .com, .org).
require "json"
require "twitter-text"

module Twitter
  class Regex
    REGEXEN[:valid_general_url_path_chars] = /[^\p{White_Space}<>()?]/iou
    # Built with twitter-text's own balanced parentheses, as Mastodon's initializer builds it, before it
    # redefines them.
    REGEXEN[:valid_url_path_ending_chars] =
      /[^\p{White_Space}()?!*"'「」<>;:=,.$%\[\]~&|@]|(?:#{REGEXEN[:valid_url_balanced_parens]})/iou
    REGEXEN[:valid_url_balanced_parens] = /
      \(
        (?:
          #{REGEXEN[:valid_general_url_path_chars]}+
          |
          (?:
            #{REGEXEN[:valid_general_url_path_chars]}*
            \(
              #{REGEXEN[:valid_general_url_path_chars]}+
            \)
            #{REGEXEN[:valid_general_url_path_chars]}*
          )
        )
      \)
    /iox
    UCHARS = '\u{A0}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}' \
             '\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}' \
             '\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}' \
             '\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}\u{E000}-\u{F8FF}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}'
    REGEXEN[:valid_url_query_chars] = %r{[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@\^#{UCHARS}]}iou
    REGEXEN[:valid_url_query_ending_chars] = %r{[a-z0-9_&=#/\-#{UCHARS}]}iou
    REGEXEN[:valid_url_path] = %r{(?:
      (?:
        #{REGEXEN[:valid_general_url_path_chars]}*
        (?:#{REGEXEN[:valid_url_balanced_parens]} #{REGEXEN[:valid_general_url_path_chars]}*)*
        #{REGEXEN[:valid_url_path_ending_chars]}
      )|(?:#{REGEXEN[:valid_general_url_path_chars]}+/)
    )}iox
    REGEXEN[:valid_url] = %r{
      (
        (#{REGEXEN[:valid_url_preceding_chars]})
        (
          ((?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)?
          (#{REGEXEN[:valid_domain]})
          (?::(#{REGEXEN[:valid_port_number]}))?
          (/#{REGEXEN[:valid_url_path]}*)?
          (\?#{REGEXEN[:valid_url_query_chars]}*#{REGEXEN[:valid_url_query_ending_chars]})?
        )
      )
    }iox
  end
end

extractor = Object.new.extend(Twitter::Extractor)
texts = JSON.parse($stdin.read)
found = texts.map do |text|
  extractor.extract_urls_with_indices(text, extract_url_without_protocol: false).map do |url|
    text[url[:indices][0]...url[:indices][1]]
  end
end
$stdout.write(JSON.generate(found))
