using Accreditation.BuildingBlocks.Hosting;
using System.Globalization;
using System.Text.Json;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Protobuf;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Application;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// The regulator's plain HTTP endpoints beside the transcoded ones: the bulk check and the export as
/// CSV downloads (scope regulator, like everything else), and the OpenAPI document (anonymous).
/// Errors are the JSON google.rpc.Status shape transcoding uses, with the matching HTTP status.
/// </summary>
public static class RegulatorHttpEndpoints
{
    public const string CheckCsvPath = "/v1/register/check.csv";
    public const string ExportCsvPath = "/v1/register/export.csv";
    public const string OpenApiPath = "/v1/openapi.json";
    public const string CursorHeader = "X-Register-Cursor";
    public const string AsOfHeader = "X-Register-As-Of";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static readonly string[] CheckColumns = ["registration_number", "role", "status", "accredited_at"];
    public static readonly string[] ExportColumns = ["registration_number", "role", "status", "accredited_at", "authority_code", "authority_la_number", "authority_name", "phase", "updated_at"];

    public static IEndpointRouteBuilder MapRegulatorHttpEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(CheckCsvPath, CheckCsvAsync)
            .RequireAuthorization(ReportingPolicies.Regulator)
            .WithMetadata(PublicHttpEndpoint.Instance);
        endpoints.MapGet(ExportCsvPath, ExportCsvAsync)
            .RequireAuthorization(ReportingPolicies.Regulator)
            .WithMetadata(PublicHttpEndpoint.Instance);
        endpoints.MapGet(OpenApiPath, (OpenApiDocument document) => Results.Text(document.Json, "application/json"))
            .AllowAnonymous()
            .WithMetadata(PublicHttpEndpoint.Instance);
        return endpoints;
    }

    /// <summary>GET /v1/register/check.csv?registration_numbers=SW1&amp;registration_numbers=SW2 (or comma-separated): one row per number and role.</summary>
    private static async Task CheckCsvAsync(HttpContext context, RegulatorQueries queries)
    {
        var request = new CheckAccreditationStatusesRequest();
        request.RegistrationNumbers.AddRange(context.Request.Query["registration_numbers"]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        IReadOnlyList<RegistrationStatus> statuses;
        try
        {
            statuses = await queries.CheckAsync(request);
        }
        catch (ServiceException e)
        {
            await WriteErrorAsync(context, e);
            return;
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
        {
            await WriteUnavailableAsync(context);
            return;
        }

        context.Response.ContentType = CsvContentType;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"accreditation-check.csv\"";
        await context.Response.WriteAsync(Csv.Line(CheckColumns), context.RequestAborted);
        foreach (var status in statuses)
        {
            if (status.Roles.Count == 0)
            {
                await context.Response.WriteAsync(Csv.Line(status.RegistrationNumber, "", ProtoEnumNames.NameOf(status.Status), ""), context.RequestAborted);
            }

            foreach (var role in status.Roles)
            {
                await context.Response.WriteAsync(Csv.Line(status.RegistrationNumber, ProtoEnumNames.NameOf(role.Role), ProtoEnumNames.NameOf(role.Status), Time(role.AccreditedAt)), context.RequestAborted);
            }
        }
    }

    /// <summary>GET /v1/register/export.csv: the export as CSV, streamed; the cursor and the moment in response headers.</summary>
    private static async Task ExportCsvAsync(HttpContext context, RegulatorQueries queries)
    {
        var started = false;
        try
        {
            await ExportCsvChunksAsync(context, queries, () => started, () => started = true);
        }
        catch (Exception e) when (!started && e is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
        {
            await WriteUnavailableAsync(context);
        }
    }

    private static async Task ExportCsvChunksAsync(HttpContext context, RegulatorQueries queries, Func<bool> started, Action start)
    {
        await queries.ExportAsync(async chunk =>
        {
            if (!started())
            {
                start();
                context.Response.ContentType = CsvContentType;
                context.Response.Headers.ContentDisposition = "attachment; filename=\"register-export.csv\"";
                context.Response.Headers[CursorHeader] = chunk.Cursor;
                context.Response.Headers[AsOfHeader] = Time(chunk.AsOf);
                await context.Response.WriteAsync(Csv.Line(ExportColumns), context.RequestAborted);
            }

            foreach (var e in chunk.Entries)
            {
                await context.Response.WriteAsync(
                    Csv.Line(e.RegistrationNumber, ProtoEnumNames.NameOf(e.Role), ProtoEnumNames.NameOf(e.Status), Time(e.AccreditedAt), e.Authority?.GssCode ?? "", e.Authority?.LaNumber ?? "", e.Authority?.Name ?? "", e.Phase, Time(e.UpdatedAt)),
                    context.RequestAborted);
            }
        });
    }

    private static string Time(Timestamp? at) =>
        at is null ? "" : at.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);

    /// <summary>The store is unavailable: 503 with the gRPC status UNAVAILABLE, as the platform answers it (safe to retry).</summary>
    private static async Task WriteUnavailableAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { code = (int)StatusCode.Unavailable, message = "the store is unavailable; retry", details = Array.Empty<object>() }), context.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext context, ServiceException e)
    {
        var message = e.Field is null ? e.Message : $"{e.Field}: {e.Message}";
        context.Response.StatusCode = e.Code switch
        {
            StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
            StatusCode.NotFound => StatusCodes.Status404NotFound,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status500InternalServerError,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { code = (int)e.Code, message, details = Array.Empty<object>() }), context.RequestAborted);
    }
}
