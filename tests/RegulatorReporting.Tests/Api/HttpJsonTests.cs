using System.Net;
using System.Text.Json;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.RegulatorReporting.Api;
using Accreditation.TestSupport;
using Google.Protobuf;

namespace Accreditation.RegulatorReporting.Tests.Api;

/// <summary>The same API over HTTP/1.1 and JSON (gRPC JSON transcoding) on the public HTTP port, the CSV downloads and the OpenAPI document.</summary>
[Collection(RedisGroup.Name)]
public sealed class HttpJsonTests(RedisFixture redis) : ReportingApiTestBase(redis)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    [Fact]
    public async Task GetStatus_OverHttp11_JsonAnswer()
    {
        var c = await AccreditedAsync(practiceDay: 20);
        using var client = HttpClient();

        using var response = await client.GetAsync(new Uri("/v1/register/status/" + c.RegistrationNumber.ToLowerInvariant(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        var status = Parser.Parse<GetAccreditationStatusResponse>(await response.Content.ReadAsStringAsync()).Status;
        Assert.Equal((c.RegistrationNumber, AccreditationStatus.Accredited, Day(20)), (status.RegistrationNumber, status.Status, status.Roles[0].AccreditedAt));
    }

    [Fact]
    public async Task GetStatus_MalformedOverHttp_BadRequestNamingTheField()
    {
        using var client = HttpClient();

        using var response = await client.GetAsync(new Uri("/v1/register/status/XY1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, error.RootElement.GetProperty("code").GetInt32());
        Assert.StartsWith("registration_number:", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RepeatedQueryParameter_AnsweredInOrder()
    {
        var accredited = await AccreditedAsync();
        using var client = HttpClient();

        var json = await client.GetStringAsync(new Uri($"/v1/register/check?registration_numbers=SW999996&registration_numbers={accredited.RegistrationNumber}", UriKind.Relative));

        var statuses = Parser.Parse<CheckAccreditationStatusesResponse>(json).Statuses;
        Assert.Equal([AccreditationStatus.NotAccredited, AccreditationStatus.Accredited], statuses.Select(s => s.Status));
    }

    [Fact]
    public async Task Entries_QueryFilters_Transcoded()
    {
        var supervisor = await AccreditedAsync(role: Contracts.Common.V1.Role.PracticeSupervisor, practiceDay: 30);
        await AccreditedAsync(practiceDay: 30);
        using var client = HttpClient();

        var json = await client.GetStringAsync(new Uri("/v1/register/entries?role=ROLE_PRACTICE_SUPERVISOR&status=ACCREDITATION_STATUS_ACCREDITED&accredited_from=2026-02-01T00:00:00Z&page_size=10", UriKind.Relative));

        var entries = Parser.Parse<ListRegisterEntriesResponse>(json).Entries;
        Assert.Equal([supervisor.RegistrationNumber], entries.Select(e => e.RegistrationNumber));
    }

    [Fact]
    public async Task ChangesAndExport_OverHttp_StreamedJsonMessages()
    {
        await AccreditedAsync();
        using var client = HttpClient();

        var changes = await ReadStreamAsync<StreamRegisterChangesResponse>(client, "/v1/register/changes?stop_when_caught_up=true");
        var export = await ReadStreamAsync<ExportRegisterResponse>(client, "/v1/register/export");

        Assert.Equal([AccreditationStatus.NotAccredited, AccreditationStatus.Accredited], changes.Select(c => c.Entry.Status));
        Assert.Equal(AccreditationStatus.Accredited, export.Single().Entries.Single().Status);
        var resumed = await ReadStreamAsync<StreamRegisterChangesResponse>(client, "/v1/register/changes?stop_when_caught_up=true&cursor=" + Uri.EscapeDataString(changes[0].Cursor));
        Assert.Equal([changes[1].Cursor], resumed.Select(c => c.Cursor));
    }

    [Fact]
    public async Task ChangesOverHttp_ForgedCursor_BadRequest()
    {
        using var client = HttpClient();

        using var response = await client.GetAsync(new Uri("/v1/register/changes?cursor=forged", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CheckCsv_Numbers_OneRowPerNumberAndRole()
    {
        var accredited = await AccreditedAsync(practiceDay: 20);
        using var client = HttpClient();

        using var response = await client.GetAsync(new Uri($"{RegulatorHttpEndpoints.CheckCsvPath}?registration_numbers={accredited.RegistrationNumber},SW999995", UriKind.Relative));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "registration_number,role,status,accredited_at",
                $"{accredited.RegistrationNumber},ROLE_CHILD_AND_FAMILY_PRACTITIONER,ACCREDITATION_STATUS_ACCREDITED,2026-01-25T09:00:00Z",
                "SW999995,,ACCREDITATION_STATUS_NOT_ACCREDITED,",
            ],
            lines);
    }

    [Fact]
    public async Task CheckCsv_MoreThanOneHundred_BadRequest()
    {
        using var client = HttpClient();

        using var response = await client.GetAsync(new Uri($"{RegulatorHttpEndpoints.CheckCsvPath}?registration_numbers={string.Join(',', Enumerable.Range(1, 101).Select(i => "SW" + i))}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("registration_numbers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_Register_RowsAndTheCursorToFollow()
    {
        var c = await AccreditedAsync(practiceDay: 20);
        await InProgressAsync();
        using var client = HttpClient();

        using var response = await client.GetAsync(new Uri(RegulatorHttpEndpoints.ExportCsvPath, UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var cursor = response.Headers.GetValues(RegulatorHttpEndpoints.CursorHeader).Single();

        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Join(',', RegulatorHttpEndpoints.ExportColumns), lines[0]);
        Assert.StartsWith($"{c.RegistrationNumber},ROLE_CHILD_AND_FAMILY_PRACTITIONER,ACCREDITATION_STATUS_ACCREDITED,2026-01-25T09:00:00Z,E08000002,351,Bury,phase-1,", lines[1], StringComparison.Ordinal);
        Assert.Empty(await ChangesAsync(cursor));
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryRoute()
    {
        using var client = HttpClient("");

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri(RegulatorHttpEndpoints.OpenApiPath, UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateObject().Select(o => o.Name).ToList());
        Assert.Equal(
            new Dictionary<string, List<string>>
            {
                ["/v1/register/status/{registration_number}"] = ["get"],
                ["/v1/register/check"] = ["get"],
                ["/v1/register/entries"] = ["get"],
                ["/v1/register/changes"] = ["get"],
                ["/v1/register/export"] = ["get"],
                [RegulatorHttpEndpoints.CheckCsvPath] = ["get"],
                [RegulatorHttpEndpoints.ExportCsvPath] = ["get"],
            }.OrderBy(p => p.Key),
            paths.OrderBy(p => p.Key));
        Assert.Equal("3.0.3", document.RootElement.GetProperty("openapi").GetString());
        var operations = paths.Keys.Select(p => document.RootElement.GetProperty("paths").GetProperty(p).GetProperty("get").GetProperty("operationId").GetString()).ToHashSet();
        Assert.Superset(RegulatorService.Descriptor.Methods.Select(m => m.Name).ToHashSet(), operations!);
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("accreditation.reporting.v1.RegisterEntry", out _));
    }

    /// <summary>Reads a transcoded server stream: one JSON message per line.</summary>
    private static async Task<List<T>> ReadStreamAsync<T>(HttpClient client, string route)
        where T : IMessage<T>, new()
    {
        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parser.Parse<T>)];
    }
}
