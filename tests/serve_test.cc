#include "serve/serve.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

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
  EXPECT_EQ(response->body, "{\"status\":\"ok\",\"version\":\"0.1.0\"}");
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

}  // namespace
}  // namespace dyad
