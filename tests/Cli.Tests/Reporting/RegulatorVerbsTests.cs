using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Accreditation.Cli.Tests.Reporting;

/// <summary>The regulator's verbs against a fake RegulatorReporting in process: what they send, as whom, where, and what they print.</summary>
public sealed class RegulatorVerbsTests
{
    private const string Service = "/accreditation.reporting.v1.RegulatorService/";

    private static readonly DateTimeOffset March = new(2025, 3, 1, 9, 30, 15, TimeSpan.Zero);

    private static string[][] Rows(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static RegistrationStatus Accredited(string number, Role role, DateTimeOffset at) => new()
    {
        RegistrationNumber = number,
        Status = AccreditationStatus.Accredited,
        Roles = { new RoleStatus { Role = role, Status = AccreditationStatus.Accredited, AccreditedAt = Timestamp.FromDateTimeOffset(at) } },
    };

    private static RegisterEntry Entry(string number, bool accredited = true) => new()
    {
        RegistrationNumber = number,
        Role = Role.ChildAndFamilyPractitioner,
        Status = accredited ? AccreditationStatus.Accredited : AccreditationStatus.NotAccredited,
        AccreditedAt = accredited ? Timestamp.FromDateTimeOffset(March) : null,
        Authority = new LocalAuthorityRef { GssCode = "E08000002", LaNumber = "351", Name = "Bury, Metropolitan Borough" },
        Phase = "phase-1",
        UpdatedAt = Timestamp.FromDateTimeOffset(March.AddMinutes(1)),
    };

    private static StreamRegisterChangesResponse Change(string number, string cursor) =>
        new() { Cursor = cursor, ChangedAt = Timestamp.FromDateTimeOffset(March.AddMinutes(2)), Entry = Entry(number) };

    [Fact]
    public async Task RunAsync_Status_AsksOnceAsTheRegulatorAtTheReportingAddressPrintingEachRole()
    {
        var status = Accredited("SW42", Role.ChildAndFamilyPractitioner, March);
        status.Roles.Add(new RoleStatus { Role = Role.PracticeSupervisor, Status = AccreditationStatus.NotAccredited });
        var services = new FakeGrpcHandler { Respond = path => path == Service + "GetAccreditationStatus" ? new GetAccreditationStatusResponse { Status = status } : null };

        var run = await CliRun.RunAsync(["status", "--registration-number", "sw0042"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("SW42", Assert.Single(services.Sent<GetAccreditationStatusRequest>("GetAccreditationStatus")).RegistrationNumber);
        var claims = Jwt.Payload(services.BearerTokens[0]!);
        Assert.Equal("regulator", claims.GetProperty("scope").GetString());
        Assert.Equal("accredit-regulator", claims.GetProperty("sub").GetString());
        Assert.Equal(new Uri(GlobalOptions.DefaultReportingUrl).Authority, services.Requests[0].RequestUri!.Authority);
        var rows = Rows(run.Output);
        Assert.Equal(["SW42", "accredited"], rows[0]);
        Assert.Equal(["practitioner", "accredited", "2025-03-01T09:30:15Z"], rows[2]);
        Assert.Equal(["supervisor", "not-accredited", "-"], rows[3]);
    }

    [Fact]
    public async Task RunAsync_TokenForTheRegulatorScope_TheRegulatorsSubject()
    {
        var run = await CliRun.RunAsync(["token", "--scope", "regulator"]);

        Assert.Equal(0, run.ExitCode);
        var claims = Jwt.Payload(run.Output.Trim());
        Assert.Equal(("regulator", Subjects.Regulator), (claims.GetProperty("scope").GetString(), claims.GetProperty("sub").GetString()));
    }

    [Fact]
    public async Task RunAsync_StatusOfAnUnknownNumber_NotAccreditedInAnyRole()
    {
        var services = new FakeGrpcHandler { Respond = _ => new GetAccreditationStatusResponse { Status = new RegistrationStatus { RegistrationNumber = "SW9", Status = AccreditationStatus.NotAccredited } } };

        var run = await CliRun.RunAsync(["status", "--registration-number", "SW9"], services: services);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("SW9 not-accredited: not on the register in any role", run.Output.Trim());
    }

    [Fact]
    public async Task RunAsync_StatusRefused_ExitCode1WithTheStatus()
    {
        var services = new FakeGrpcHandler { Respond = _ => throw new RpcException(new Status(StatusCode.PermissionDenied, "scope regulator required")) };

        var run = await CliRun.RunAsync(["status", "--registration-number", "SW9"], services: services);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: PermissionDenied: scope regulator required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReportingUrlVariable_CallsGoThere()
    {
        var services = new FakeGrpcHandler();

        await CliRun.RunAsync(["status", "--registration-number", "SW9"], new Dictionary<string, string> { [GlobalOptions.ReportingUrlVariable] = "http://reporting.example:7030" }, services);
        await CliRun.RunAsync(["--reporting-url", "http://other.example:7031", "status", "--registration-number", "SW9"], new Dictionary<string, string> { [GlobalOptions.ReportingUrlVariable] = "http://reporting.example:7030" }, services);

        Assert.Equal(["reporting.example:7030", "other.example:7031"], services.Requests.Select(r => r.RequestUri!.Authority));
    }

    [Fact]
    public async Task RunAsync_Check_SendsTheNormalisedNumbersInOrderAndPrintsARowPerRole()
    {
        var services = new FakeGrpcHandler
        {
            Respond = _ => new CheckAccreditationStatusesResponse
            {
                Statuses =
                {
                    Accredited("SW1", Role.PracticeSupervisor, March),
                    new RegistrationStatus { RegistrationNumber = "SW2", Status = AccreditationStatus.NotAccredited },
                },
            },
        };

        var run = await CliRun.RunAsync(["check", "--registration-numbers", "sw1, SW0002"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["SW1", "SW2"], Assert.Single(services.Sent<CheckAccreditationStatusesRequest>("CheckAccreditationStatuses")).RegistrationNumbers);
        var rows = Rows(run.Output);
        Assert.Equal(["registration", "role", "status", "accredited-at"], rows[0]);
        Assert.Equal(["SW1", "supervisor", "accredited", "2025-03-01T09:30:15Z"], rows[1]);
        Assert.Equal(["SW2", "-", "not-accredited", "-"], rows[2]);
        Assert.Equal("2 registration numbers, 1 accredited", run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    [Fact]
    public async Task RunAsync_CheckCsv_TheColumnsOfTheServicesCheckCsvAndNothingElse()
    {
        var services = new FakeGrpcHandler
        {
            Respond = _ => new CheckAccreditationStatusesResponse
            {
                Statuses = { Accredited("SW1", Role.ChildAndFamilyPractitioner, March.AddTicks(1234)), new RegistrationStatus { RegistrationNumber = "SW2", Status = AccreditationStatus.NotAccredited } },
            },
        };

        var run = await CliRun.RunAsync(["check", "--registration-numbers", "SW1,SW2", "--csv"], services: services);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "registration_number,role,status,accredited_at\r\n"
            + "SW1,ROLE_CHILD_AND_FAMILY_PRACTITIONER,ACCREDITATION_STATUS_ACCREDITED,2025-03-01T09:30:15.0001234Z\r\n"
            + "SW2,,ACCREDITATION_STATUS_NOT_ACCREDITED,\r\n",
            run.Output);
    }

    [Fact]
    public async Task RunAsync_Register_SendsTheFiltersAndPagesThroughEveryPage()
    {
        var services = new FakeGrpcHandler
        {
            RespondTo = (_, body) => ListRegisterEntriesRequest.Parser.ParseFrom(body).PageToken switch
            {
                "" => new ListRegisterEntriesResponse { Entries = { Entry("SW1"), Entry("SW2") }, NextPageToken = "p2" },
                "p2" => new ListRegisterEntriesResponse { Entries = { Entry("SW3", accredited: false) } },
                _ => null,
            },
        };

        var run = await CliRun.RunAsync(
            ["register", "--phase", "phase-1", "--authority", "E08000002", "--role", "practitioner", "--status", "accredited", "--accredited-from", "2025-03-01", "--accredited-before", "2025-04-01T12:00:00+01:00", "--page-size", "2"],
            services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        var sent = services.Sent<ListRegisterEntriesRequest>("ListRegisterEntries");
        Assert.Equal(["", "p2"], sent.Select(r => r.PageToken));
        Assert.All(sent, r =>
        {
            Assert.Equal(2, r.PageSize);
            Assert.Equal("phase-1", r.Phase);
            Assert.Equal("E08000002", r.AuthorityCode);
            Assert.Equal(Role.ChildAndFamilyPractitioner, r.Role);
            Assert.Equal(AccreditationStatus.Accredited, r.Status);
            Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), r.AccreditedFrom.ToDateTimeOffset());
            Assert.Equal(new DateTimeOffset(2025, 4, 1, 11, 0, 0, TimeSpan.Zero), r.AccreditedBefore.ToDateTimeOffset());
        });
        var rows = Rows(run.Output);
        Assert.Equal(["registration", "role", "status", "accredited-at", "authority", "phase", "updated-at"], rows[0]);
        Assert.Equal(["SW1", "practitioner", "accredited", "2025-03-01T09:30:15Z", "E08000002", "phase-1", "2025-03-01T09:31:15Z"], rows[1]);
        Assert.Equal(["SW3", "practitioner", "not-accredited", "-", "E08000002", "phase-1", "2025-03-01T09:31:15Z"], rows[3]);
        Assert.Equal(["3", "entries"], rows[^1]);
    }

    [Fact]
    public async Task RunAsync_RegisterWithoutFilters_SendsNone()
    {
        var services = new FakeGrpcHandler { Respond = _ => new ListRegisterEntriesResponse() };

        var run = await CliRun.RunAsync(["register"], services: services);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new ListRegisterEntriesRequest { PageSize = 100 }, Assert.Single(services.Sent<ListRegisterEntriesRequest>("ListRegisterEntries")));
        Assert.Equal("0 entries", run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    [Fact]
    public async Task RunAsync_Feed_ReadsUntilCaughtUpFromTheCursorPrintingEachChangeThenTheLastCursor()
    {
        var services = new FakeGrpcHandler { StreamTo = (_, _) => new IMessage[] { Change("SW1", "c-1"), Change("SW2", "c-2") }.ToAsyncEnumerable() };

        var run = await CliRun.RunAsync(["feed", "--cursor", "c-0"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(new StreamRegisterChangesRequest { Cursor = "c-0", StopWhenCaughtUp = true }, Assert.Single(services.Sent<StreamRegisterChangesRequest>("StreamRegisterChanges")));
        Assert.Equal(Service + "StreamRegisterChanges", Assert.Single(services.Paths));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
            [
                "2025-03-01T09:32:15Z SW1 practitioner accredited 2025-03-01T09:30:15Z E08000002 phase-1",
                "2025-03-01T09:32:15Z SW2 practitioner accredited 2025-03-01T09:30:15Z E08000002 phase-1",
                "2 changes",
                "cursor: c-2",
            ],
            lines);
    }

    [Fact]
    public async Task RunAsync_FeedWithNoChanges_TheGivenCursorAgain()
    {
        var services = new FakeGrpcHandler { StreamTo = (_, _) => Array.Empty<IMessage>().ToAsyncEnumerable() };

        var run = await CliRun.RunAsync(["feed", "--cursor", "c-7", "--until-caught-up"], services: services);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["0 changes", "cursor: c-7"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task RunAsync_FeedFromAnOldCursor_ExitCode1WithTheStatus()
    {
        var services = new FakeGrpcHandler { StreamTo = (_, _) => throw new RpcException(new Status(StatusCode.OutOfRange, "cursor: older than the retained feed")) };

        var run = await CliRun.RunAsync(["feed", "--cursor", "old"], services: services);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: OutOfRange: cursor: older than the retained feed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FeedFailingMidway_PrintsTheCursorToResumeFromThenExitCode1()
    {
        var services = new FakeGrpcHandler { StreamTo = (_, _) => Failing(Change("SW1", "c-1")) };

        var run = await CliRun.RunAsync(["feed"], services: services);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.EndsWith("cursor: c-1", run.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("accredit: Unavailable: reporting restarted", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Export_StreamsEveryEntryAsJsonLinesWithTheSummaryOnTheErrorWriter()
    {
        var asOf = Timestamp.FromDateTimeOffset(March.AddHours(1));
        var services = new FakeGrpcHandler
        {
            StreamTo = (_, _) => new IMessage[]
            {
                new ExportRegisterResponse { Entries = { Entry("SW1"), Entry("SW2") }, Cursor = "x-9", AsOf = asOf, TotalEntries = 3 },
                new ExportRegisterResponse { Entries = { Entry("SW3", accredited: false) }, Cursor = "x-9", AsOf = asOf, TotalEntries = 3 },
            }.ToAsyncEnumerable(),
        };

        var run = await CliRun.RunAsync(["export"], services: services);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Service + "ExportRegister", Assert.Single(services.Paths));
        var entries = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(RegisterEntry.Parser.ParseJson).ToList();
        Assert.Equal([Entry("SW1"), Entry("SW2"), Entry("SW3", accredited: false)], entries);
        Assert.Equal(["3 entries as of 2025-03-01T10:30:15Z", "cursor: x-9"], run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task RunAsync_ExportCsvToAFile_TheFileHoldsTheCsvAndTheOutputTheSummary()
    {
        var file = Path.Combine(Path.GetTempPath(), $"accredit-export-{Guid.NewGuid():N}.csv");
        var services = new FakeGrpcHandler
        {
            StreamTo = (_, _) => new IMessage[] { new ExportRegisterResponse { Entries = { Entry("SW1") }, Cursor = "x-1", AsOf = Timestamp.FromDateTimeOffset(March), TotalEntries = 1 } }.ToAsyncEnumerable(),
        };
        try
        {
            var run = await CliRun.RunAsync(["export", "--csv", "--out", file], services: services);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(
                "registration_number,role,status,accredited_at,authority_code,authority_la_number,authority_name,phase,updated_at\r\n"
                + "SW1,ROLE_CHILD_AND_FAMILY_PRACTITIONER,ACCREDITATION_STATUS_ACCREDITED,2025-03-01T09:30:15Z,E08000002,351,\"Bury, Metropolitan Borough\",phase-1,2025-03-01T09:31:15Z\r\n",
                await File.ReadAllTextAsync(file));
            Assert.Equal([$"1 entries as of 2025-03-01T09:30:15Z written to {file}", "cursor: x-1"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
            Assert.False(File.Exists(file + ".partial"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RunAsync_ExportOfAnEmptyRegister_NoEntriesAndTheCursor()
    {
        var services = new FakeGrpcHandler
        {
            StreamTo = (_, _) => new IMessage[] { new ExportRegisterResponse { Cursor = "x-0", AsOf = Timestamp.FromDateTimeOffset(March) } }.ToAsyncEnumerable(),
        };

        var run = await CliRun.RunAsync(["export", "--csv"], services: services);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("registration_number,role,status,accredited_at,authority_code,authority_la_number,authority_name,phase,updated_at\r\n", run.Output);
        Assert.Contains("cursor: x-0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExportEndingShortOfItsTotal_ExitCode1()
    {
        var services = new FakeGrpcHandler
        {
            StreamTo = (_, _) => new IMessage[] { new ExportRegisterResponse { Entries = { Entry("SW1") }, Cursor = "x-1", AsOf = Timestamp.FromDateTimeOffset(March), TotalEntries = 2 } }.ToAsyncEnumerable(),
        };

        var run = await CliRun.RunAsync(["export"], services: services);

        Assert.Equal(CliApp.Failed, run.ExitCode);
        Assert.Contains("accredit: the export ended after 1 of 2 entries", run.Error, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<IMessage> Failing(IMessage first)
    {
        yield return first;
        await Task.Yield();
        throw new RpcException(new Status(StatusCode.Unavailable, "reporting restarted"));
    }
}
