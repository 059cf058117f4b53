#include "export/export.h"

#include <fmt/core.h>

#include <algorithm>

namespace dyad {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "jsonl" || name == "json") return OutputFormat::kJsonl;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "table") return OutputFormat::kTable;
  return std::nullopt;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

namespace {

std::string JsonOrNull(const std::string& text) { return text.empty() ? "null" : JsonQuote(text); }

std::string ActorJson(const ActorRef& actor) {
  return fmt::format(R"({{"code":{},"country":{},"org":{},"sector":{},"name":{}}})",
                     JsonOrNull(actor.code), JsonOrNull(actor.country), JsonOrNull(actor.org),
                     JsonOrNull(actor.sector), JsonQuote(actor.name));
}

// Goldstein scores have one decimal in the codebook; confidences two.
std::string Number(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

// Every mention's evidence; a single, unaggregated mention lists its own.
std::string EvidenceJson(const Event& event) {
  auto one = [](const std::string& doc, const std::string& story, uint32_t sentence, uint32_t begin,
                uint32_t end) {
    return fmt::format(R"({{"doc":{},"story":{},"sentence":{},"span":[{},{}]}})", JsonQuote(doc),
                       JsonOrNull(story), sentence, begin, end);
  };
  if (event.evidence.empty()) {
    return one(event.doc, "", event.sentence, event.span_begin, event.span_end);
  }
  std::string out;
  for (const Evidence& evidence : event.evidence) {
    if (!out.empty()) out += ',';
    out += one(evidence.doc, evidence.story, evidence.sentence, evidence.span_begin,
               evidence.span_end);
  }
  return out;
}

}  // namespace

std::string EventToJson(const Event& event) {
  return fmt::format(
      R"({{"id":"{}","date":"{}","date_precision":"{}","date_from_report":{},"report_date":"{}",)"
      R"("historical":{},"source":{},"target":{},"code":"{}","root":"{}","quad_class":{},)"
      R"("goldstein":{},"confidence":{},"mentions":{},"sources":{},"articles":{},)"
      R"("doc":{},"sentence":{},"span":[{},{}],"text":{},"evidence":[{}]}})",
      event.id, FormatIsoDate(event.date), DatePrecisionName(event.date_precision),
      event.date_is_report_date ? "true" : "false", FormatIsoDate(event.report_date),
      event.historical ? "true" : "false", ActorJson(event.source), ActorJson(event.target),
      event.code, event.root(), event.quad_class, Number(event.goldstein, 1),
      Number(event.confidence, 2), event.mentions, event.sources, event.articles,
      JsonQuote(event.doc), event.sentence, event.span_begin, event.span_end, JsonQuote(event.text),
      EvidenceJson(event));
}

const std::vector<std::string>& FlatColumns() {
  static const std::vector<std::string> kColumns = {"id",
                                                    "date",
                                                    "date_precision",
                                                    "date_from_report",
                                                    "report_date",
                                                    "historical",
                                                    "source_code",
                                                    "source_country",
                                                    "source_org",
                                                    "source_sector",
                                                    "source_name",
                                                    "target_code",
                                                    "target_country",
                                                    "target_org",
                                                    "target_sector",
                                                    "target_name",
                                                    "code",
                                                    "root",
                                                    "quad_class",
                                                    "goldstein",
                                                    "confidence",
                                                    "mentions",
                                                    "sources",
                                                    "articles",
                                                    "doc",
                                                    "sentence",
                                                    "span_start",
                                                    "span_end",
                                                    "text"};
  return kColumns;
}

std::vector<std::string> FlatValues(const Event& event) {
  return {event.id,
          FormatIsoDate(event.date),
          DatePrecisionName(event.date_precision),
          event.date_is_report_date ? "true" : "false",
          FormatIsoDate(event.report_date),
          event.historical ? "true" : "false",
          event.source.code,
          event.source.country,
          event.source.org,
          event.source.sector,
          event.source.name,
          event.target.code,
          event.target.country,
          event.target.org,
          event.target.sector,
          event.target.name,
          event.code,
          event.root(),
          std::to_string(event.quad_class),
          Number(event.goldstein, 1),
          Number(event.confidence, 2),
          std::to_string(event.mentions),
          std::to_string(event.sources),
          std::to_string(event.articles),
          event.doc,
          std::to_string(event.sentence),
          std::to_string(event.span_begin),
          std::to_string(event.span_end),
          event.text};
}

namespace {

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::FILE* out) : out_(out) {}
  void Write(const Event& event) override {
    const std::string line = EventToJson(event);
    std::fwrite(line.data(), 1, line.size(), out_);
    std::fputc('\n', out_);
  }

 private:
  std::FILE* out_;
};

class DelimitedWriter : public EventWriter {
 public:
  DelimitedWriter(std::FILE* out, char separator) : out_(out), separator_(separator) {
    WriteRow(FlatColumns());
  }
  void Write(const Event& event) override { WriteRow(FlatValues(event)); }

 private:
  std::string Field(const std::string& value) const {
    if (separator_ == '\t') {
      std::string out = value;
      std::replace_if(
          out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
      return out;
    }
    return CsvField(value);
  }
  void WriteRow(const std::vector<std::string>& values) {
    std::string line;
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line += separator_;
      line += Field(values[i]);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out_);
  }

  std::FILE* out_;
  char separator_;
};

// Display width of UTF-8 text, counting one column per code point; good
// enough for the Latin, Cyrillic and Greek names news tables hold.
size_t Width(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

std::string Clip(std::string_view text, size_t width) {
  if (Width(text) <= width) return std::string(text);
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && ++columns > width - 1) break;
    out += static_cast<char>(c);
  }
  return out + "…";
}

std::string Pad(std::string_view text, size_t width) {
  std::string out(text);
  out.append(width > Width(text) ? width - Width(text) : 0, ' ');
  return out;
}

// The evidence words of an event: its span, located inside the sentence.
std::string Evidence(const Event& event) {
  const size_t begin = event.span_begin - event.sentence_begin;
  const size_t length = event.span_end - event.span_begin;
  std::string out;
  size_t index = 0;
  for (size_t i = 0; i < event.text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(event.text[i]);
    if ((c & 0xC0) != 0x80) ++index;
    if (index > begin && index <= begin + length) out += static_cast<char>(c);
  }
  for (char& c : out) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return out;
}

class TableWriter : public EventWriter {
 public:
  TableWriter(std::FILE* out, const Ontology& ontology) : out_(out), ontology_(ontology) {}

  void Write(const Event& event) override {
    const EventType* type = ontology_.Find(event.code);
    std::string date = FormatIsoDate(event.date);
    if (event.date_precision == DatePrecision::kMonth) date = date.substr(0, 7);
    if (event.date_precision == DatePrecision::kYear) date = date.substr(0, 4);
    if (event.date_is_report_date) date += "*";
    rows_.push_back({date, event.source.code, event.target.code,
                     event.code + " " + Clip(type ? type->name : "", 30),
                     Number(event.goldstein, 1), Clip(event.doc, 12), Clip(Evidence(event), 70)});
  }

  void Finish() override {
    const std::vector<std::string> header = {"DATE",      "SOURCE", "TARGET",  "EVENT",
                                             "GOLDSTEIN", "DOC",    "EVIDENCE"};
    std::vector<size_t> widths(header.size());
    for (size_t i = 0; i < header.size(); ++i) widths[i] = Width(header[i]);
    for (const auto& row : rows_) {
      for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
    }
    PrintRow(header, widths);
    for (const auto& row : rows_) PrintRow(row, widths);
    fmt::print(out_, "{} event(s). * = no date in the sentence: the report date is used.\n",
               rows_.size());
    rows_.clear();
  }

 private:
  void PrintRow(const std::vector<std::string>& row, const std::vector<size_t>& widths) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += i + 1 == row.size() ? row[i] : Pad(row[i], widths[i] + 2);
    }
    fmt::print(out_, "{}\n", line);
  }

  std::FILE* out_;
  const Ontology& ontology_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::unique_ptr<EventWriter> MakeEventWriter(OutputFormat format, std::FILE* out,
                                             const Ontology& ontology) {
  switch (format) {
    case OutputFormat::kJsonl:
      return std::make_unique<JsonlWriter>(out);
    case OutputFormat::kTsv:
      return std::make_unique<DelimitedWriter>(out, '\t');
    case OutputFormat::kCsv:
      return std::make_unique<DelimitedWriter>(out, ',');
    case OutputFormat::kTable:
      return std::make_unique<TableWriter>(out, ontology);
  }
  return nullptr;
}

}  // namespace dyad
