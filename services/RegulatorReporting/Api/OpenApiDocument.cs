using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// The OpenAPI 3.0 document of the regulator's HTTP/JSON API, generated from what is actually
/// served: every transcoded route (from the methods' google.api.http options, as JSON transcoding
/// mapped them: path, verb, path and query parameters) with request and response schemas from the
/// proto descriptors in the protobuf JSON mapping, plus the CSV downloads. Hand-written because
/// Microsoft.AspNetCore.Grpc.Swagger is not available here; built once, on first request.
/// </summary>
public sealed class OpenApiDocument(EndpointDataSource endpoints)
{
    private readonly Lazy<string> _json = new(() => Build(endpoints).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public string Json => _json.Value;

    public static JsonObject Build(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var schemas = new JsonObject();
        var paths = new JsonObject();
        var transcoded = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Metadata: e.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>()))
            .Where(e => e.Metadata is not null && e.Metadata.MethodDescriptor.Service.FullName == Contracts.Reporting.V1.RegulatorService.Descriptor.FullName)
            .OrderBy(e => e.Endpoint.RoutePattern.RawText, StringComparer.Ordinal);
        foreach (var (endpoint, metadata) in transcoded)
        {
            var method = metadata!.MethodDescriptor;
            var route = endpoint.RoutePattern.RawText ?? "";
            var verb = (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : "GET").ToLowerInvariant();
            var pathParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var parameters = new JsonArray();
            foreach (var field in method.InputType.Fields.InFieldNumberOrder())
            {
                var inPath = pathParameters.Contains(field.Name);
                var schema = FieldSchema(field, schemas);
                parameters.Add(new JsonObject
                {
                    ["name"] = field.Name,
                    ["in"] = inPath ? "path" : "query",
                    ["required"] = inPath,
                    ["style"] = "form",
                    ["explode"] = true,
                    ["schema"] = schema,
                });
            }

            var response = Ref(method.OutputType, schemas);
            var streaming = method.IsServerStreaming;
            var operation = new JsonObject
            {
                ["operationId"] = method.Name,
                ["summary"] = method.Name,
                ["description"] = streaming
                    ? $"gRPC {method.FullName} (server streaming): the response body is a stream of {method.OutputType.Name} messages in JSON, one per line (newline-delimited JSON), written as they are produced."
                    : $"gRPC {method.FullName}.",
                ["tags"] = new JsonArray("register"),
                ["parameters"] = parameters,
                ["responses"] = Responses("application/json", response),
            };
            Path(paths, route)[verb] = operation;
        }

        Path(paths, RegulatorHttpEndpoints.CheckCsvPath)["get"] = new JsonObject
        {
            ["operationId"] = "CheckAccreditationStatusesCsv",
            ["summary"] = "The bulk check as a CSV download",
            ["description"] = "Up to 100 registration numbers (repeated parameter or comma-separated); one row per number and role: " + string.Join(',', RegulatorHttpEndpoints.CheckColumns) + ".",
            ["tags"] = new JsonArray("register"),
            ["parameters"] = new JsonArray(new JsonObject
            {
                ["name"] = "registration_numbers",
                ["in"] = "query",
                ["required"] = true,
                ["style"] = "form",
                ["explode"] = true,
                ["schema"] = new JsonObject { ["type"] = "array", ["maxItems"] = 100, ["items"] = new JsonObject { ["type"] = "string" } },
            }),
            ["responses"] = Responses("text/csv", new JsonObject { ["type"] = "string" }),
        };
        Path(paths, RegulatorHttpEndpoints.ExportCsvPath)["get"] = new JsonObject
        {
            ["operationId"] = "ExportRegisterCsv",
            ["summary"] = "The register export as a CSV download",
            ["description"] = $"Consistent as of one moment; the feed cursor of that moment is in the {RegulatorHttpEndpoints.CursorHeader} header and the moment in {RegulatorHttpEndpoints.AsOfHeader}. Columns: " + string.Join(',', RegulatorHttpEndpoints.ExportColumns) + ".",
            ["tags"] = new JsonArray("register"),
            ["responses"] = Responses("text/csv", new JsonObject { ["type"] = "string" }),
        };

        schemas["google.rpc.Status"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["details"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
            },
        };
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Accreditation register (regulator API)",
                ["version"] = "v1",
                ["description"] = "The regulator's view of child and family social workers' accreditation: status and dates only. HTTP/JSON through gRPC JSON transcoding of accreditation.reporting.v1.RegulatorService; bearer token with scope \"regulator\".",
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" } },
                ["schemas"] = schemas,
            },
        };
    }

    private static JsonObject Path(JsonObject paths, string route)
    {
        if (paths[route] is not JsonObject item)
        {
            item = [];
            paths[route] = item;
        }

        return item;
    }

    private static JsonObject Responses(string contentType, JsonNode schema)
    {
        var error = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.Status" } } } };
        return new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { [contentType] = new JsonObject { ["schema"] = schema } } },
            ["400"] = Describe(error, "INVALID_ARGUMENT (the field is named in the message) or OUT_OF_RANGE"),
            ["401"] = new JsonObject { ["description"] = "No valid bearer token" },
            ["403"] = new JsonObject { ["description"] = "The token lacks scope regulator" },
        };
    }

    private static JsonObject Describe(JsonObject response, string description)
    {
        response["description"] = description;
        return response;
    }

    private static JsonObject Ref(MessageDescriptor message, JsonObject schemas)
    {
        Define(message, schemas);
        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }

    private static void Define(MessageDescriptor message, JsonObject schemas)
    {
        if (schemas.ContainsKey(message.FullName))
        {
            return;
        }

        var properties = new JsonObject();
        schemas[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            properties[field.JsonName] = FieldSchema(field, schemas);
        }
    }

    private static JsonObject FieldSchema(FieldDescriptor field, JsonObject schemas)
    {
        var single = ScalarSchema(field, schemas);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    private static JsonObject ScalarSchema(FieldDescriptor field, JsonObject schemas) => field.FieldType switch
    {
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 => new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.Float or FieldType.Double => new JsonObject { ["type"] = "number" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        FieldType.Enum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))]) },
        FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        FieldType.Message => Ref(field.MessageType, schemas),
        _ => new JsonObject { ["type"] = "string" },
    };
}
