#include "serve/serve.h"

#include <httplib.h>
#include <simdjson.h>
#include <sys/socket.h>

#include <filesystem>

#include "export/export.h"
#include "serve/store_api.h"

namespace dyad {

namespace {

constexpr const char* kVersion = "0.1.0";

void SendJson(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_content(body, "application/json; charset=utf-8");
}

void SendError(httplib::Response& response, int status, const std::string& message) {
  SendJsonError(response, status, message);
}

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

// The article of a /api/code request, or the reason it cannot be read.
struct CodeRequest {
  std::string id = "pasted";
  std::string text;
  std::string date;
};

StatusOr<CodeRequest> ParseCodeRequest(const httplib::Request& request) {
  CodeRequest parsed;
  const std::string content_type = request.get_header_value("Content-Type");
  if (content_type.rfind("text/plain", 0) == 0) {
    parsed.text = request.body;
    parsed.date = request.get_param_value("date");
    return parsed;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(request.body).get(root)) {
    return Status::InvalidInput(std::string("body: malformed JSON (") +
                                simdjson::error_message(error) +
                                "); send {\"text\": ..., \"date\": \"YYYY-MM-DD\"} or text/plain");
  }
  std::string_view text;
  if (root["text"].get(text)) return Status::InvalidInput("text: missing or not a string");
  parsed.text.assign(text);
  std::string_view value;
  if (!root["date"].get(value)) parsed.date.assign(value);
  if (!root["id"].get(value) && !value.empty()) parsed.id.assign(value);
  return parsed;
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct Server::Impl {
  ServeOptions options;
  const Pipeline& pipeline;
  StoreApi store_api;
  httplib::Server http;
  socket_t listening_socket = INVALID_SOCKET;  // httplib's socket type (global)

  // Debian's cpp-httplib is built with a listen backlog of 5: under load a
  // burst of new connections overflows it and clients wait a full SYN
  // retransmission (a second). Listening again on the bound socket raises
  // the backlog (Linux applies the new value).
  void WidenBacklog() const {
    if (listening_socket != INVALID_SOCKET) ::listen(listening_socket, SOMAXCONN);
  }

  Impl(const ServeOptions& options, const Pipeline& pipeline)
      : options(options),
        pipeline(pipeline),
        store_api(options.db_path, pipeline.actors(), options.today) {}

  void Configure() {
    const size_t threads = static_cast<size_t>(std::max(1, options.threads));
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // A kept-alive connection holds its worker: hand it back now and then
    // so that waiting clients get a turn.
    http.set_keep_alive_max_count(100);
    // Answers larger than a segment would otherwise wait for the client's
    // delayed ACK (Nagle): 40 ms per page of events.
    http.set_tcp_nodelay(true);
    http.set_socket_options([this](socket_t socket) {
      httplib::default_socket_options(socket);
      listening_socket = socket;
    });
    http.set_read_timeout(options.io_timeout_seconds, 0);
    http.set_write_timeout(options.io_timeout_seconds, 0);
    http.set_keep_alive_timeout(options.io_timeout_seconds);
    http.set_payload_max_length(options.max_body_bytes);

    http.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
          if (!IsApiPath(request.path) || options.token.empty()) {
            return httplib::Server::HandlerResponse::Unhandled;
          }
          const std::string bearer = "Bearer " + options.token;
          if (request.get_header_value("Authorization") == bearer ||
              request.get_param_value("token") == options.token) {
            return httplib::Server::HandlerResponse::Unhandled;
          }
          SendError(response, 401, "this server needs a token: Authorization: Bearer TOKEN");
          return httplib::Server::HandlerResponse::Handled;
        });

    // Whether a store is attached, so the dashboard knows which views to offer.
    http.Get("/api/health", [this](const httplib::Request&, httplib::Response& response) {
      SendJson(response, 200,
               std::string("{\"status\":\"ok\",\"version\":\"") + kVersion +
                   "\",\"store\":" + (options.db_path.empty() ? "false" : "true") + "}");
    });
    http.Post("/api/code", [this](const httplib::Request& request, httplib::Response& response) {
      Code(request, response);
    });
    store_api.Register(http);
    // Known API paths with the wrong method, then unknown API paths.
    auto method_not_allowed = [](const httplib::Request& request, httplib::Response& response) {
      if (request.path == "/api/health" || request.path == "/api/code" ||
          StoreApi::Handles(request.path)) {
        SendError(response, 405, request.method + " is not allowed on " + request.path);
      } else {
        SendError(response, 404, "no such endpoint: " + request.path);
      }
    };
    http.Get("/api/.*", method_not_allowed);
    http.Post("/api/.*", method_not_allowed);
    http.Put("/api/.*", method_not_allowed);
    http.Delete("/api/.*", method_not_allowed);
    http.Patch("/api/.*", method_not_allowed);

    if (!options.web_root.empty()) http.set_mount_point("/", options.web_root);

    // Errors raised by the library itself (413, 400, unmatched routes) get a
    // JSON body on /api/ and a short text elsewhere.
    http.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
      if (!response.body.empty()) return;
      std::string message = "request failed";
      if (response.status == 400) message = "malformed request";
      if (response.status == 404) message = "not found";
      if (response.status == 413) message = "request body is over the size limit";
      if (response.status == 414) message = "request line too long";
      if (IsApiPath(request.path)) {
        SendError(response, response.status, message);
      } else {
        response.set_content(std::to_string(response.status) + " " + message + "\n",
                             "text/plain; charset=utf-8");
      }
    });
  }

  void Code(const httplib::Request& request, httplib::Response& response) const {
    auto parsed = ParseCodeRequest(request);
    if (!parsed.ok()) return SendError(response, 400, parsed.status().message());
    Document document;
    document.id = parsed->id;
    document.origin = "request";
    document.report_date = options.today;
    if (!parsed->date.empty()) {
      auto date = ParseIsoDate(parsed->date);
      if (!date) return SendError(response, 400, "date: '" + parsed->date + "' is not YYYY-MM-DD");
      document.report_date = *date;
    }
    document.text = std::move(parsed->text);
    const DocumentResult result = pipeline.CodeDocument(document);
    std::string body = "{\"doc\":" + JsonQuote(document.id) + ",\"report_date\":\"" +
                       FormatIsoDate(document.report_date) +
                       "\",\"text\":" + JsonQuote(document.text) +
                       ",\"sentences\":" + std::to_string(result.sentences) + ",\"warnings\":[";
    for (size_t i = 0; i < result.warnings.size(); ++i) {
      if (i > 0) body += ',';
      body += JsonQuote(result.warnings[i]);
    }
    body += "],\"events\":[";
    for (size_t i = 0; i < result.events.size(); ++i) {
      if (i > 0) body += ',';
      body += EventToJson(result.events[i]);
    }
    body += "]}";
    SendJson(response, 200, body);
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

StatusOr<std::unique_ptr<Server>> Server::Create(const ServeOptions& options,
                                                 const Pipeline& pipeline) {
  if (!IsLoopbackHost(options.host) && options.token.empty()) {
    return Status::InvalidInput("refusing to serve on " + options.host +
                                " without a token: pass --token or set DYAD_TOKEN, or bind to "
                                "127.0.0.1");
  }
  if (!options.web_root.empty() && !std::filesystem::is_directory(options.web_root)) {
    return Status::NotFound(options.web_root + ": the dashboard's directory does not exist");
  }
  auto impl = std::make_unique<Impl>(options, pipeline);
  Status store = impl->store_api.Check();
  if (!store.ok()) return store;
  impl->Configure();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  const std::string& host = impl_->options.host;
  const int port = impl_->options.port;
  if (port == 0) {
    const int bound = impl_->http.bind_to_any_port(host);
    if (bound < 0) return Status::IoError("cannot bind to " + host);
    impl_->WidenBacklog();
    return bound;
  }
  if (!impl_->http.bind_to_port(host, port)) {
    return Status::IoError("cannot bind to " + host + ":" + std::to_string(port) +
                           " (in use? try --port)");
  }
  impl_->WidenBacklog();
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace dyad
