using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Outbox;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Enrolment.Domain;
using Accreditation.Enrolment.Infrastructure;
using Google.Protobuf;
using EnrolmentRecord = Accreditation.Contracts.Enrolment.V1.Enrolment;

namespace Accreditation.Enrolment.Application;

/// <summary>
/// The council HR use cases. Each command checks the caller's authority and the phase, applies the
/// domain rule and commits the change, its events and its command record in one transaction; a
/// retry with the same client request id returns the first answer; a concurrent change makes it
/// start again from fresh reads.
/// </summary>
public sealed class EnrolmentCommands(EnrolmentRepository repository, CommandLog commandLog, LocalAuthorityCatalog catalog, RolloutPhase phase, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const string ExistingEnrolmentTrailer = "x-existing-enrolment-id";

    public async Task<EnrolmentRecord> EnrolAsync(Caller caller, EnrolCandidateRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var candidate = RequestValidator.Validate(request, catalog, now);
        var callerAuthority = caller.RequireLocalAuthority();
        var command = CommandKey.For(caller, nameof(EnrolAsync), request.ClientRequestId, request);
        var answer = await commandLog.RunOnceAsync(command, async () =>
        {
            if (candidate.Authority.GssCode != callerAuthority)
            {
                throw new PermissionDeniedException("a council HR system may enrol only its own authority's staff", "employing_authority_code");
            }

            if (!phase.Includes(candidate.Authority))
            {
                throw EnrolmentRules.NotInPhase(candidate.Authority, phase, "employing_authority_code");
            }

            var existing = await repository.GetActiveEnrolmentIdAsync(candidate.RegistrationNumber, candidate.Role);
            if (existing is not null)
            {
                // Name the enrolment only to its own employer: another council's enrolment ids are not the caller's to see.
                var own = (await repository.GetAsync(existing))?.Enrolment.EmployingAuthority.GssCode == callerAuthority;
                throw new AlreadyExistsException(
                    own
                        ? $"{candidate.RegistrationNumber} already has an active {candidate.Role} enrolment {existing}"
                        : $"{candidate.RegistrationNumber} already has an active {candidate.Role} enrolment with another employer; it must be withdrawn, or moved to you by that employer",
                    ExistingEnrolmentTrailer,
                    own ? existing : null);
            }

            var enrolment = EnrolmentRules.Enrol(candidate, NewId(), phase.Name, now);
            List<IntegrationEvent> events = [EnrolmentEvents.Enrolled(enrolment, NewId())];
            if (candidate.EqualityMonitoring is not null)
            {
                events.Add(EnrolmentEvents.EqualityMonitoringRecorded(enrolment, candidate.EqualityMonitoring, NewId()));
            }

            var bytes = enrolment.ToByteArray();
            return await repository.CreateAsync(enrolment, candidate.EqualityMonitoring, command, bytes, events) ? bytes : null;
        });
        return EnrolmentRecord.Parser.ParseFrom(answer);
    }

    public Task<EnrolmentRecord> EndorseAsync(Caller caller, EndorseEnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = RequestValidator.Text("endorser_name", request.EndorserName);
        var title = RequestValidator.Text("endorser_job_title", request.EndorserJobTitle);
        return ChangeAsync(caller, nameof(EndorseAsync), request.ClientRequestId, request.EnrolmentId, request, (current, now) =>
        {
            var next = EnrolmentRules.Endorse(current, name, title, now);
            return (next, [EnrolmentEvents.Endorsed(next, NewId())]);
        });
    }

    public Task<EnrolmentRecord> WithdrawAsync(Caller caller, WithdrawEnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = RequestValidator.Text("reason", request.Reason);
        return ChangeAsync(caller, nameof(WithdrawAsync), request.ClientRequestId, request.EnrolmentId, request, (current, now) =>
        {
            var next = EnrolmentRules.Withdraw(current, reason, now);
            return (next, [EnrolmentEvents.Withdrawn(next, NewId())]);
        });
    }

    public Task<EnrolmentRecord> MoveAsync(Caller caller, MoveEnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var to = RequestValidator.Authority("new_authority_code", request.NewAuthorityCode, catalog);
        var hrReference = RequestValidator.Text("new_hr_reference", request.NewHrReference);
        return ChangeAsync(caller, nameof(MoveAsync), request.ClientRequestId, request.EnrolmentId, request, (current, now) =>
        {
            var next = EnrolmentRules.Move(current, to, phase, hrReference, now);
            return (next, [EnrolmentEvents.Moved(next, NewId())]);
        });
    }

    public async Task<EnrolmentRecord> GetAsync(Caller caller, GetEnrolmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("enrolment_id", request.EnrolmentId);
        var stored = await LoadOwnAsync(caller.RequireLocalAuthority(), id);
        return stored.Enrolment;
    }

    public async Task<ListEnrolmentsResponse> ListAsync(Caller caller, ListEnrolmentsRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var authorityCode = caller.RequireLocalAuthority();
        var authority = catalog.Find(authorityCode)
            ?? throw new PermissionDeniedException("the caller's local_authority claim is not an English local authority");
        if (!phase.Includes(authority))
        {
            throw EnrolmentRules.NotInPhase(authority, phase, "local_authority");
        }

        var pageSize = request.Page?.PageSize ?? 0;
        if (pageSize is < 0 or > MaxPageSize)
        {
            throw new ValidationException("page.page_size", $"must be between 0 and {MaxPageSize}");
        }

        pageSize = pageSize == 0 ? DefaultPageSize : pageSize;
        if (request.Role != Role.Unspecified)
        {
            Require.AssessedRole("role", request.Role);
        }

        if (!Enum.IsDefined(request.State))
        {
            throw new ValidationException("state", "is not an enrolment state");
        }

        var filter = $"{(int)request.Role}|{(int)request.State}";
        var after = ListPageToken.Decode(request.Page?.PageToken ?? "", filter);
        var (page, last) = await repository.ListAsync(authority.GssCode, after, pageSize, e =>
            (request.Role == Role.Unspecified || e.Role == request.Role)
            && (request.State == EnrolmentState.Unspecified || e.State == request.State));
        var response = new ListEnrolmentsResponse { NextPageToken = last is null ? "" : new ListPageToken(last.Value, filter).Encode() };
        response.Enrolments.AddRange(page);
        return response;
    }

    private async Task<EnrolmentRecord> ChangeAsync(
        Caller caller,
        string rpc,
        string clientRequestId,
        string enrolmentId,
        IMessage request,
        Func<EnrolmentRecord, DateTimeOffset, (EnrolmentRecord Next, IntegrationEvent[] Events)> change)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var callerAuthority = caller.RequireLocalAuthority();
        var command = CommandKey.For(caller, rpc, clientRequestId, request);
        var id = Require.Id("enrolment_id", enrolmentId);
        var answer = await commandLog.RunOnceAsync(command, async () =>
        {
            var current = await LoadOwnAsync(callerAuthority, id);
            var (next, events) = change(current.Enrolment, clock.GetUtcNow());
            var bytes = next.ToByteArray();
            return await repository.UpdateAsync(current, next, command, bytes, events) ? bytes : null;
        });
        return EnrolmentRecord.Parser.ParseFrom(answer);
    }

    private async Task<StoredEnrolment> LoadOwnAsync(string callerAuthority, string enrolmentId)
    {
        var stored = await repository.GetAsync(enrolmentId)
            ?? throw new NotFoundException($"enrolment {enrolmentId} does not exist", "enrolment_id");
        if (stored.Enrolment.EmployingAuthority.GssCode != callerAuthority)
        {
            throw new PermissionDeniedException($"enrolment {enrolmentId} belongs to another authority", "enrolment_id");
        }

        return stored;
    }

    private static string NewId() => Guid.CreateVersion7().ToString();
}
