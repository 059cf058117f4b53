#include "serve/serve.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "store/store.h"
#include "support/temp_path.h"

namespace dyad {
namespace {

const Pipeline& TestPipeline() {
  static const Pipeline* pipeline = [] {
    auto loaded = Pipeline::Load(PipelineOptions{DYAD_DATA_DIR, DYAD_ISO_CODES_DIR, {}});
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value().release();
  }();
  return *pipeline;
}

// A server on a free loopback port, stopped when the fixture ends.
class RunningServer {
 public:
  explicit RunningServer(ServeOptions options) {
    options.port = 0;
    options.today = {2019, 1, 24};
    if (options.web_root.empty()) options.web_root = std::string(DYAD_SOURCE_DIR) + "/web";
    auto server = Server::Create(options, TestPipeline());
    EXPECT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(server).value();
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

ServeOptions Defaults() {
  ServeOptions options;
  options.io_timeout_seconds = 1;
  return options;
}

TEST(Serve, Health) {
  RunningServer server(Defaults());
  auto response = server.Client().Get("/api/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "{\"status\":\"ok\",\"version\":\"0.1.0\",\"store\":false}");
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST(Serve, CodesAPastedArticle) {
  RunningServer server(Defaults());
  auto response = server.Client().Post(
      "/api/code",
      R"({"text":"Venezuela broke off diplomatic relations with the United States on Wednesday.","date":"2019-01-24","id":"mine"})",
      "application/json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200) << response->body;
  const std::string& body = response->body;
  EXPECT_EQ(body.rfind("{\"doc\":\"mine\",\"report_date\":\"2019-01-24\",\"text\":\"Venezuela", 0),
            0u)
      << body;
  EXPECT_NE(body.find("\"sentences\":1,\"warnings\":[],\"events\":[{"), std::string::npos);
  EXPECT_NE(body.find("\"date\":\"2019-01-23\""), std::string::npos);
  EXPECT_NE(body.find("\"source\":{\"code\":\"VEN\""), std::string::npos);
  EXPECT_NE(body.find("\"target\":{\"code\":\"USA\""), std::string::npos);
  EXPECT_NE(body.find("\"code\":\"161\""), std::string::npos);
  EXPECT_NE(body.find("\"span\":[0,63]"), std::string::npos);
}

TEST(Serve, CodesPlainTextWithDateParameter) {
  RunningServer server(Defaults());
  auto response =
      server.Client().Post("/api/code?date=2020-08-12", "Greece condemned Turkey.", "text/plain");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("\"source\":{\"code\":\"GRC\""), std::string::npos);
  EXPECT_NE(response->body.find("\"date\":\"2020-08-12\""), std::string::npos);
}

TEST(Serve, BadRequestsNameTheProblem) {
  RunningServer server(Defaults());
  auto client = server.Client();
  auto malformed = client.Post("/api/code", "{\"text\": oops", "application/json");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(
      malformed->body.rfind("{\"error\":{\"status\":400,\"message\":\"body: malformed JSON", 0), 0u)
      << malformed->body;
  auto no_text = client.Post("/api/code", "{\"date\":\"2019-01-01\"}", "application/json");
  EXPECT_EQ(no_text->body,
            "{\"error\":{\"status\":400,\"message\":\"text: missing or not a string\"}}");
  auto bad_date =
      client.Post("/api/code", "{\"text\":\"x\",\"date\":\"2019-02-30\"}", "application/json");
  EXPECT_EQ(bad_date->status, 400);
  EXPECT_EQ(bad_date->body,
            "{\"error\":{\"status\":400,\"message\":\"date: '2019-02-30' is not YYYY-MM-DD\"}}");
}

TEST(Serve, UnknownEndpointAndWrongMethod) {
  RunningServer server(Defaults());
  auto client = server.Client();
  auto missing = client.Get("/api/nothing-here");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body,
            "{\"error\":{\"status\":404,\"message\":\"no such endpoint: /api/nothing-here\"}}");
  auto wrong = client.Get("/api/code");
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->body,
            "{\"error\":{\"status\":405,\"message\":\"GET is not allowed on /api/code\"}}");
}

TEST(Serve, OversizedBodyIs413) {
  ServeOptions options = Defaults();
  options.max_body_bytes = 1000;
  RunningServer server(options);
  auto response = server.Client().Post("/api/code", std::string(5000, 'a'), "text/plain");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->body,
            "{\"error\":{\"status\":413,\"message\":\"request body is over the size limit\"}}");
}

TEST(Serve, ServesTheDashboardAndNothingOutsideIt) {
  RunningServer server(Defaults());
  auto client = server.Client();
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Code this text"), std::string::npos);
  for (const char* path :
       {"/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
        "/web/../../../etc/passwd", "/....//....//etc/passwd"}) {
    auto response = client.Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_GE(response->status, 400) << path;
    EXPECT_LT(response->status, 500) << path;
    EXPECT_EQ(response->body.find("root:"), std::string::npos) << path;
  }
}

TEST(Serve, PublicAddressNeedsAToken) {
  ServeOptions options = Defaults();
  options.host = "0.0.0.0";
  auto refused = Server::Create(options, TestPipeline());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "refusing to serve on 0.0.0.0 without a token: pass --token or set DYAD_TOKEN, or "
            "bind to 127.0.0.1");
}

TEST(Serve, TokenIsCheckedOnEveryApiRequest) {
  ServeOptions options = Defaults();
  options.token = "s3cret";
  RunningServer server(options);
  auto client = server.Client();
  auto without = client.Get("/api/health");
  EXPECT_EQ(without->status, 401);
  auto with_param = client.Get("/api/health?token=s3cret");
  EXPECT_EQ(with_param->status, 200);
  httplib::Headers headers = {{"Authorization", "Bearer s3cret"}};
  auto with_header = client.Get("/api/health", headers);
  EXPECT_EQ(with_header->status, 200);
  // The dashboard's files need no token; its API calls do.
  EXPECT_EQ(client.Get("/")->status, 200);
}

TEST(Serve, AStuckClientDoesNotStopOthers) {
  RunningServer server(Defaults());
  // A client that opens a connection, sends half a request line and stalls.
  const int stuck = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server.port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(stuck, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const char partial[] = "GET /api/hea";
  ASSERT_GT(write(stuck, partial, sizeof partial - 1), 0);
  auto response = server.Client().Get("/api/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  close(stuck);
}

TEST(Serve, LoopbackHosts) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.3.2.1"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.4"));
}

// ---- The store's endpoints ------------------------------------------------------

// Articles written for these tests, coded by the real pipeline.
struct TestArticle {
  const char* id;
  const char* date;
  const char* text;
};

const TestArticle kArticles[] = {
    {"caracas-1", "2019-01-24",
     "Venezuela broke off diplomatic relations with the United States on Wednesday. "
     "China signed a trade agreement with Venezuela on Thursday."},
    {"caracas-2", "2019-01-25",
     "Venezuela broke off diplomatic relations with the United States on Wednesday, two days "
     "after a tense week of protests in Caracas."},
    {"athens-1", "2020-08-12", "Greece condemned Turkey on Tuesday."},
};

void IngestArticle(EventStore& store, const TestArticle& article) {
  Document document;
  document.id = article.id;
  document.origin = std::string("test:") + article.id;
  document.report_date = *ParseIsoDate(article.date);
  document.text = article.text;
  document.url = std::string("https://example.com/") + article.id;
  const std::string hash = ContentHash(document.text);
  const DocumentResult result = TestPipeline().CodeDocument(document);
  StoredDocument stored;
  stored.document = &document;
  stored.content_hash = hash;
  stored.sentences = result.sentences;
  auto outcome = store.IngestDocument(stored, result.events);
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class StoreServe : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempPath("serve.db");
    auto store = EventStore::Open(path_, StoreMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
    writer_ = std::move(store).value();
    for (const TestArticle& article : kArticles) IngestArticle(*writer_, article);
    ServeOptions options = Defaults();
    options.db_path = path_;
    server_ = std::make_unique<RunningServer>(options);
  }
  void TearDown() override {
    server_.reset();
    writer_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  httplib::Result Get(const std::string& path) { return server_->Client().Get(path.c_str()); }

  std::string path_;
  std::unique_ptr<EventStore> writer_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(StoreServe, EventsAnswerAsTheStoreQueryDoes) {
  auto response = Get("/api/events?dyad=VEN,USA&limit=10");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  // Two reports of one break: one aggregated event with two mentions, from
  // one outlet (both URLs are on example.com).
  EXPECT_EQ(response->body.rfind("{\"total\":1,\"offset\":0,\"limit\":10,\"events\":[{", 0), 0u)
      << response->body;
  EXPECT_NE(response->body.find("\"code\":\"161\""), std::string::npos);
  EXPECT_NE(response->body.find("\"mentions\":2,\"sources\":1,\"articles\":2"), std::string::npos)
      << response->body;
  EXPECT_NE(response->body.find("\"doc_key\":1,\"url\":\"https://example.com/caracas-1\"}"),
            std::string::npos);

  auto csv = Get("/api/events?actor=VEN&sort=goldstein&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  std::istringstream lines(csv->body);
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(header.rfind("id,date,date_precision,", 0), 0u);
  // Sorted by Goldstein: the break (-4.0) before the agreement.
  EXPECT_NE(first.find(",161,16,4,-4.0,"), std::string::npos) << first;
  EXPECT_NE(second.find(",China,VEN,VEN,,,Venezuela,057,05,"), std::string::npos) << second;
}

TEST_F(StoreServe, AnEventsEvidenceLeadsToItsDocumentText) {
  auto list = Get("/api/events?code=161");
  ASSERT_EQ(list->status, 200);
  const size_t at = list->body.find("\"id\":\"");
  ASSERT_NE(at, std::string::npos);
  const std::string id = list->body.substr(at + 6, 16);
  auto event = Get("/api/events/" + id);
  ASSERT_EQ(event->status, 200) << event->body;
  EXPECT_NE(event->body.find("\"mentions\":[{\"doc_key\":1,\"doc\":\"caracas-1\""),
            std::string::npos)
      << event->body;
  EXPECT_NE(event->body.find("{\"doc_key\":2,\"doc\":\"caracas-2\""), std::string::npos);
  EXPECT_NE(event->body.find("\"span\":[0,63]"), std::string::npos);

  auto document = Get("/api/documents/1");
  ASSERT_EQ(document->status, 200) << document->body;
  EXPECT_NE(document->body.find("\"text\":\"Venezuela broke off diplomatic relations with the "
                                "United States on Wednesday. China signed"),
            std::string::npos)
      << document->body;
  EXPECT_NE(document->body.find("{\"id\":\"" + id +
                                "\",\"code\":\"161\",\"source\":\"VEN\",\"target\":\"USA\","
                                "\"sentence\":0,\"span\":[0,63],\"historical\":false}"),
            std::string::npos)
      << document->body;
  auto story = Get("/api/stories/caracas-2");
  ASSERT_EQ(story->status, 200);
  EXPECT_NE(story->body.find("\"documents\":[{\"key\":2,\"id\":\"caracas-2\""), std::string::npos);
  EXPECT_EQ(Get("/api/documents/42")->status, 404);
  EXPECT_EQ(Get("/api/events/0123456789abcdef")->status, 404);
}

TEST_F(StoreServe, SeriesStatusNetworkAndStats) {
  auto series = Get("/api/series?actor=VEN&other=USA&by=month");
  ASSERT_EQ(series->status, 200) << series->body;
  EXPECT_NE(series->body.find("{\"period\":\"2019-01\",\"start\":\"2019-01-01\",\"events\":1,"
                              "\"mentions\":2,"),
            std::string::npos)
      << series->body;
  auto status = Get("/api/status?a=USA&b=VEN");
  ASSERT_EQ(status->status, 200) << status->body;
  EXPECT_NE(status->body.find("\"current\":\"severed\""), std::string::npos) << status->body;
  auto network = Get("/api/network?from=2020-01-01");
  ASSERT_EQ(network->status, 200);
  EXPECT_NE(network->body.find("{\"source\":\"GRC\",\"target\":\"TUR\",\"events\":1,"
                               "\"cooperation\":0,\"conflict\":1,"),
            std::string::npos)
      << network->body;
  EXPECT_EQ(network->body.find("VEN"), std::string::npos);  // 2019 is outside the period
  auto stats = Get("/api/stats");
  ASSERT_EQ(stats->status, 200);
  EXPECT_EQ(stats->body.rfind("{\"documents\":3,\"stories\":3,\"events\":3,\"mentions\":4,"
                              "\"first_date\":\"2019-01-23\",\"last_date\":\"2020-08-11\",",
                              0),
            0u)
      << stats->body;
}

TEST_F(StoreServe, ActorsAutocompleteWithDatesAndEventCounts) {
  auto response = Get("/api/actors?q=venez&limit=3");
  ASSERT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(response->body.rfind("{\"q\":\"venez\",\"matches\":[{\"code\":\"VEN\",\"member\":"
                                 "\"VEN\",\"name\":\"Venezuela\",\"kind\":\"state\",\"role\":null,"
                                 "\"valid_from\":null,\"valid_until\":null,\"events\":2}",
                                 0),
            0u)
      << response->body;
  // Accents optional; a person's role comes with its dates.
  auto person = Get("/api/actors?q=nicolas%20mad&limit=5");
  ASSERT_EQ(person->status, 200);
  EXPECT_NE(person->body.find("\"code\":\"VENGOV\",\"member\":\"VEN\",\"name\":\"Nicolás "
                              "Maduro\",\"kind\":\"person\",\"role\":\"head_of_state\","
                              "\"valid_from\":\"2013-"),
            std::string::npos)
      << person->body;
}

TEST_F(StoreServe, HostileParametersGetA4xxAndChangeNothing) {
  const std::string before = FileBytes(path_);
  const auto counts_before = writer_->Counts();
  ASSERT_TRUE(counts_before.ok());
  struct Case {
    const char* path;
    int status;
    const char* message_start;
  };
  const Case cases[] = {
      {"/api/events?actor=VEN'%20OR%20'1'%3D'1", 404, "unknown actor 'VEN' OR '1'='1'"},
      {"/api/events?code=16;DROP%20TABLE%20events", 400, "'16;DROP TABLE events' is not a CAMEO"},
      {"/api/events?text=%27);DELETE%20FROM%20events;--", 200, nullptr},
      {"/api/events?limit=99999999999999999999999", 400, "limit: '99999999999999999999999' is not"},
      {"/api/events?limit=-1", 400, "limit: '-1' is not an integer from 1 to 1000"},
      {"/api/events?offset=1e9", 400, "offset: '1e9' is not an integer"},
      {"/api/events?quad_class=5", 400, "quad_class: '5' is not an integer from 1 to 4"},
      {"/api/events?from=2019-02-30", 400, "from '2019-02-30' is not a date"},
      {"/api/events?from=2020-01-01&to=2019-01-01", 400, "impossible date range"},
      {"/api/events?name=%FF%FE", 400, "name: not valid UTF-8"},
      {"/api/events?dyad=VEN", 400, "dyad 'VEN' is not a pair of actors"},
      {"/api/events?sort=id;--", 400, "sort 'id;--' is not one of date, mentions, goldstein"},
      {"/api/events?format=xml", 400, "format: 'xml' is not json or csv"},
      {"/api/events?limit=1&limit=2", 400, "limit: given more than once"},
      {"/api/events?select=*", 400, "unknown parameter 'select'"},
      {"/api/series", 400, "actor is required for a series"},
      {"/api/series?actor=VEN&by=century", 400, "by 'century' is not one of day, week"},
      {"/api/status?a=VEN", 400, "a and b: the two actors of the dyad are required"},
      {"/api/network?min_events=0", 400, "min_events: '0' is not an integer"},
      {"/api/actors?q=", 400, "q: the start of a name or code is required"},
      {"/api/events/..%2f..%2fetc%2fpasswd", 404, nullptr},
      {"/api/events/not-an-id", 400, "'not-an-id' is not an event id"},
      {"/api/documents/1%20OR%201=1", 400, "document key: '1 OR 1=1' is not a number"},
      {"/api/stories/%27%20OR%20%271%27%3D%271", 404, "no story ' OR '1'='1"},
      {"/api/stories/..%2f..%2fetc%2fpasswd", 404, "no such endpoint"},
  };
  for (const Case& c : cases) {
    auto response = Get(c.path);
    ASSERT_TRUE(response) << c.path;
    EXPECT_EQ(response->status, c.status) << c.path << ": " << response->body;
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8")
        << c.path;
    if (c.message_start != nullptr) {
      const std::string expected = "{\"error\":{\"status\":" + std::to_string(c.status) +
                                   ",\"message\":\"" + c.message_start;
      EXPECT_EQ(response->body.rfind(expected, 0), 0u) << c.path << ": " << response->body;
    }
  }
  EXPECT_EQ(Get("/api/events?text=%27);DELETE%20FROM%20events;--")->body,
            "{\"total\":0,\"offset\":0,\"limit\":50,\"events\":[]}");
  const auto counts_after = writer_->Counts();
  ASSERT_TRUE(counts_after.ok());
  EXPECT_EQ(counts_after->events, counts_before->events);
  EXPECT_EQ(counts_after->documents, counts_before->documents);
  EXPECT_EQ(FileBytes(path_), before);
}

TEST_F(StoreServe, NewlyIngestedEventsAppearWithoutARestart) {
  auto first = Get("/api/events?dyad=GRC,TUR");
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(first->body.rfind("{\"total\":1,", 0), 0u);
  IngestArticle(*writer_, {"athens-2", "2020-09-02", "Turkey criticised Greece on Tuesday."});
  auto second = Get("/api/events?dyad=GRC,TUR");  // the same request: not the cached answer
  ASSERT_EQ(second->status, 200);
  EXPECT_EQ(second->body.rfind("{\"total\":2,", 0), 0u) << second->body;
}

TEST(Serve, StoreEndpointsWithoutAStoreSaySo) {
  RunningServer server(Defaults());
  auto response = server.Client().Get("/api/events");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(response->body,
            "{\"error\":{\"status\":404,\"message\":\"this server has no event store: start it "
            "with dyad serve --db STORE\"}}");
  // The dictionaries still answer.
  EXPECT_EQ(server.Client().Get("/api/actors?q=NATO")->status, 200);
}

TEST(Serve, AMissingStoreIsAStartUpError) {
  ServeOptions options = Defaults();
  options.db_path = "/nonexistent/dir/news.db";
  auto server = Server::Create(options, TestPipeline());
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().message(),
            "no dyad store at /nonexistent/dir/news.db (dyad ingest creates one)");
}

}  // namespace
}  // namespace dyad
