// Results as text: GDELT rows, tables, CSV, JSON, GraphML.
#include <fmt/core.h>

#include <algorithm>

#include "export/export.h"
#include "store/store.h"

namespace dyad {

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> out = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
                                    "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* field :
           {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
        out.push_back(std::string(actor) + field);
      }
    }
    for (const char* field :
         {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
      out.push_back(field);
    }
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* field : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                                "Long", "FeatureID"}) {
        out.push_back(std::string(geo) + field);
      }
    }
    out.push_back("DATEADDED");
    out.push_back("SOURCEURL");
    return out;
  }();
  return columns;
}

namespace {

// GDELT separates fields by tabs and rows by newlines, with no quoting.
std::string GdeltField(std::string value) {
  std::replace_if(
      value.begin(), value.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return value;
}

void AddActor(const ActorRef& actor, std::vector<std::string>& out) {
  out.push_back(GdeltField(actor.code));
  out.push_back(GdeltField(actor.name));
  out.push_back(actor.country);
  out.push_back(actor.org);                        // KnownGroupCode: the organisation
  for (int i = 0; i < 3; ++i) out.emplace_back();  // ethnic, religion 1 and 2: not coded
  out.push_back(actor.sector);                     // Type1Code: the sector (GOV, MIL, ...)
  out.emplace_back();
  out.emplace_back();
}

}  // namespace

std::vector<std::string> GdeltValues(const StoredEvent& stored) {
  const Event& event = stored.event;
  const CivilDate& date = event.date;
  std::vector<std::string> out;
  out.reserve(61);
  out.push_back(event.id);
  out.push_back(fmt::format("{:04d}{:02d}{:02d}", date.year, date.month, date.day));
  out.push_back(fmt::format("{:04d}{:02d}", date.year, date.month));
  out.push_back(fmt::format("{:04d}", date.year));
  // GDELT's own approximation: (month * 30 + day) / 365.
  out.push_back(fmt::format("{:.4f}", date.year + (date.month * 30 + date.day) / 365.0));
  AddActor(event.source, out);
  AddActor(event.target, out);
  out.push_back(event.sentence == 0 ? "1" : "0");  // IsRootEvent: reported in the lead
  out.push_back(event.code);
  out.push_back(event.code.substr(0, 3));
  out.push_back(event.root());
  out.push_back(std::to_string(event.quad_class));
  out.push_back(fmt::format("{:.1f}", event.goldstein));
  out.push_back(std::to_string(event.mentions));
  out.push_back(std::to_string(event.sources));
  out.push_back(std::to_string(event.articles));
  out.emplace_back();                               // AvgTone: dyad does not score tone
  for (int i = 0; i < 24; ++i) out.emplace_back();  // three geographies: not coded
  const CivilDate& added = event.report_date;
  out.push_back(fmt::format("{:04d}{:02d}{:02d}000000", added.year, added.month, added.day));
  out.push_back(GdeltField(stored.url));
  return out;
}

std::optional<TableFormat> ParseTableFormat(std::string_view name) {
  if (name == "table") return TableFormat::kTable;
  if (name == "csv") return TableFormat::kCsv;
  if (name == "json") return TableFormat::kJson;
  return std::nullopt;
}

namespace {

std::string Number(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text == "-0.0" || text == "-0.00" || text == "-0.000") text.erase(0, 1);
  return text;
}

}  // namespace

ResultTable EventsTable(const EventPage& page) {
  ResultTable table;
  table.columns = FlatColumns();
  for (const std::string& column : table.columns) {
    CellType type = CellType::kText;
    if (column == "quad_class" || column == "mentions" || column == "sources" ||
        column == "articles" || column == "sentence" || column == "span_start" ||
        column == "span_end") {
      type = CellType::kInteger;
    } else if (column == "goldstein" || column == "confidence") {
      type = CellType::kNumber;
    } else if (column == "date_from_report" || column == "historical") {
      type = CellType::kBoolean;
    }
    table.types.push_back(type);
  }
  for (const StoredEvent& stored : page.events) table.rows.push_back(FlatValues(stored.event));
  return table;
}

ResultTable SeriesTable(const Series& series) {
  ResultTable table;
  table.columns = {"period",
                   "start",
                   "events",
                   "mentions",
                   "goldstein_sum",
                   "goldstein_mean",
                   "verbal_cooperation",
                   "material_cooperation",
                   "verbal_conflict",
                   "material_conflict"};
  table.types = {CellType::kText,    CellType::kText,   CellType::kInteger, CellType::kInteger,
                 CellType::kNumber,  CellType::kNumber, CellType::kInteger, CellType::kInteger,
                 CellType::kInteger, CellType::kInteger};
  for (const SeriesPoint& point : series.points) {
    table.rows.push_back({point.period, FormatIsoDate(point.start), std::to_string(point.events),
                          std::to_string(point.mentions), Number(point.goldstein_sum, 1),
                          Number(point.goldstein_mean, 2), std::to_string(point.by_quad_class[0]),
                          std::to_string(point.by_quad_class[1]),
                          std::to_string(point.by_quad_class[2]),
                          std::to_string(point.by_quad_class[3])});
  }
  return table;
}

ResultTable StatusTable(const RelationTimeline& timeline) {
  ResultTable table;
  table.columns = {"date", "date_precision", "status", "event_id", "source", "target",
                   "code", "reports",        "doc",    "sentence", "text"};
  table.types = {CellType::kText, CellType::kText,    CellType::kText, CellType::kText,
                 CellType::kText, CellType::kText,    CellType::kText, CellType::kInteger,
                 CellType::kText, CellType::kInteger, CellType::kText};
  for (const RelationChange& change : timeline.changes) {
    const Event& event = change.evidence.front();
    table.rows.push_back({FormatIsoDate(change.date), DatePrecisionName(change.precision),
                          RelationChangeName(change.kind), event.id, event.source.code,
                          event.target.code, event.code, std::to_string(change.evidence.size()),
                          event.doc, std::to_string(event.sentence), event.text});
  }
  return table;
}

ResultTable NetworkEdgesTable(const Network& network) {
  ResultTable table;
  table.columns = {"source",   "target",        "events",  "cooperation",
                   "conflict", "goldstein_sum", "mentions"};
  table.types = {CellType::kText,    CellType::kText,   CellType::kInteger, CellType::kInteger,
                 CellType::kInteger, CellType::kNumber, CellType::kInteger};
  for (const NetworkEdge& edge : network.edges) {
    table.rows.push_back({edge.source, edge.target, std::to_string(edge.events),
                          std::to_string(edge.cooperation), std::to_string(edge.conflict),
                          Number(edge.goldstein_sum, 1), std::to_string(edge.mentions)});
  }
  return table;
}

namespace {

size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

// At most `limit` code points, an ellipsis marking the cut.
std::string Shorten(const std::string& text, size_t limit) {
  if (CodePoints(text) <= limit) return text;
  size_t points = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80 && points++ == limit - 1) break;
  }
  return text.substr(0, i) + "…";
}

std::string JsonCell(const std::string& value, CellType type) {
  if (value.empty()) return "null";
  switch (type) {
    case CellType::kText:
      return JsonQuote(value);
    case CellType::kInteger:
    case CellType::kNumber:
    case CellType::kBoolean:
      return value;
  }
  return JsonQuote(value);
}

}  // namespace

std::string RenderTable(const ResultTable& table, TableFormat format) {
  std::string out;
  switch (format) {
    case TableFormat::kCsv: {
      auto row = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) {
          if (i > 0) out += ',';
          out += CsvField(cells[i]);
        }
        out += '\n';
      };
      row(table.columns);
      for (const auto& cells : table.rows) row(cells);
      return out;
    }
    case TableFormat::kJson: {
      out += "[";
      for (size_t r = 0; r < table.rows.size(); ++r) {
        out += r == 0 ? "\n" : ",\n";
        out += "{";
        for (size_t i = 0; i < table.columns.size(); ++i) {
          if (i > 0) out += ",";
          out += JsonQuote(table.columns[i]) + ":" + JsonCell(table.rows[r][i], table.types[i]);
        }
        out += "}";
      }
      out += table.rows.empty() ? "]\n" : "\n]\n";
      return out;
    }
    case TableFormat::kTable: {
      // Long text is cut so that a row stays on one line of a terminal.
      constexpr size_t kWidest = 60;
      std::vector<std::vector<std::string>> cells;
      cells.push_back(table.columns);
      for (auto& column : cells.back()) {
        std::transform(column.begin(), column.end(), column.begin(),
                       [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
      }
      for (const auto& row : table.rows) {
        cells.emplace_back();
        for (const std::string& cell : row) cells.back().push_back(Shorten(cell, kWidest));
      }
      std::vector<size_t> widths(table.columns.size(), 0);
      for (const auto& row : cells) {
        for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], CodePoints(row[i]));
      }
      for (const auto& row : cells) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) {
          const bool numeric =
              table.types[i] == CellType::kInteger || table.types[i] == CellType::kNumber;
          const std::string pad(widths[i] - CodePoints(row[i]), ' ');
          if (i > 0) line += "  ";
          line += numeric && &row != &cells.front() ? pad + row[i] : row[i] + pad;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
      }
      return out;
    }
  }
  return out;
}

std::string NetworkJson(const Network& network) {
  std::string out = "{\"nodes\":[";
  for (size_t i = 0; i < network.nodes.size(); ++i) {
    if (i > 0) out += ",";
    out += fmt::format("{{\"id\":{},\"events\":{}}}", JsonQuote(network.nodes[i].actor),
                       network.nodes[i].events);
  }
  out += "],\"edges\":[";
  for (size_t i = 0; i < network.edges.size(); ++i) {
    const NetworkEdge& edge = network.edges[i];
    if (i > 0) out += ",";
    out += fmt::format(
        "{{\"source\":{},\"target\":{},\"events\":{},\"cooperation\":{},\"conflict\":{},"
        "\"goldstein_sum\":{},\"mentions\":{}}}",
        JsonQuote(edge.source), JsonQuote(edge.target), edge.events, edge.cooperation,
        edge.conflict, Number(edge.goldstein_sum, 1), edge.mentions);
  }
  return out + "]}\n";
}

namespace {

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string NetworkGraphMl(const Network& network) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"events\" for=\"all\" attr.name=\"events\" attr.type=\"int\"/>\n"
      "  <key id=\"cooperation\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"int\"/>\n"
      "  <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"int\"/>\n"
      "  <key id=\"goldstein_sum\" for=\"edge\" attr.name=\"goldstein_sum\" "
      "attr.type=\"double\"/>\n"
      "  <key id=\"mentions\" for=\"edge\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
      "  <graph id=\"dyad\" edgedefault=\"directed\">\n";
  for (const NetworkNode& node : network.nodes) {
    out += fmt::format("    <node id=\"{}\"><data key=\"events\">{}</data></node>\n",
                       XmlEscape(node.actor), node.events);
  }
  for (const NetworkEdge& edge : network.edges) {
    out += fmt::format(
        "    <edge source=\"{}\" target=\"{}\"><data key=\"events\">{}</data>"
        "<data key=\"cooperation\">{}</data><data key=\"conflict\">{}</data>"
        "<data key=\"goldstein_sum\">{}</data><data key=\"mentions\">{}</data></edge>\n",
        XmlEscape(edge.source), XmlEscape(edge.target), edge.events, edge.cooperation,
        edge.conflict, Number(edge.goldstein_sum, 1), edge.mentions);
  }
  return out + "  </graph>\n</graphml>\n";
}

std::string StatusSentence(const RelationTimeline& timeline) {
  const std::string dyad = timeline.first + "–" + timeline.second;
  if (timeline.changes.empty()) {
    return dyad + ": no change of diplomatic status in the store";
  }
  const RelationChange& now = timeline.changes.back();
  const Event& evidence = now.evidence.front();
  std::string date = FormatIsoDate(now.date);
  if (now.precision == DatePrecision::kMonth) date = date.substr(0, 7);
  if (now.precision == DatePrecision::kYear) date = date.substr(0, 4);
  return fmt::format(
      "{}: {} since {} (evidence: {}, sentence {}: \"{}\"{})", dyad, RelationChangeName(now.kind),
      date, evidence.doc, evidence.sentence, evidence.text,
      now.evidence.size() > 1 ? fmt::format("; {} reports", now.evidence.size()) : std::string());
}

}  // namespace dyad
