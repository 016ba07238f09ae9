using Accreditation.BuildingBlocks.Auth;
using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Accreditation.Observation.Application;

/// <summary>The assessor and actor registry: registration (create or replace, retry-safe) and reads.</summary>
public sealed partial class RegistryCommands(RegistryRepository registry, CommandLog commandLog)
{
    [System.Text.RegularExpressions.GeneratedRegex("^E[0-9]{8}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GssCode();

    public async Task<Assessor> RegisterAssessorAsync(Caller caller, RegisterAssessorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = ObservationCommandKeys.For(caller, nameof(RegisterAssessorAsync), request.ClientRequestId, request);
        var assessor = ValidateAssessor(request.Assessor);
        var answer = await commandLog.RunOnceAsync(command, async () =>
        {
            var bytes = assessor.ToByteArray();
            return await registry.SaveAssessorAsync(assessor, command, bytes) ? bytes : null;
        });
        return Assessor.Parser.ParseFrom(answer);
    }

    public async Task<Actor> RegisterActorAsync(Caller caller, RegisterActorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = ObservationCommandKeys.For(caller, nameof(RegisterActorAsync), request.ClientRequestId, request);
        var actor = request.Actor ?? throw new ValidationException("actor", "is required");
        var clean = new Actor
        {
            ActorId = Require.Id("actor.actor_id", actor.ActorId),
            DisplayName = Name("actor.display_name", actor.DisplayName),
            Active = actor.Active,
        };
        clean.Availability.AddRange(Windows("actor.availability", actor.Availability));
        var answer = await commandLog.RunOnceAsync(command, async () =>
        {
            var bytes = clean.ToByteArray();
            return await registry.SaveActorAsync(clean, command, bytes) ? bytes : null;
        });
        return Actor.Parser.ParseFrom(answer);
    }

    public async Task<Assessor> GetAssessorAsync(GetAssessorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("assessor_id", request.AssessorId);
        return await registry.GetAssessorAsync(id) ?? throw new NotFoundException($"assessor {id} is not registered", "assessor_id");
    }

    public async Task<ListAssessorsResponse> ListAssessorsAsync()
    {
        var response = new ListAssessorsResponse();
        response.Assessors.AddRange(await registry.ListAssessorsAsync());
        return response;
    }

    public async Task<ListActorsResponse> ListActorsAsync()
    {
        var response = new ListActorsResponse();
        response.Actors.AddRange(await registry.ListActorsAsync());
        return response;
    }

    private static Assessor ValidateAssessor(Assessor? assessor)
    {
        if (assessor is null)
        {
            throw new ValidationException("assessor", "is required");
        }

        var clean = new Assessor
        {
            AssessorId = Require.Id("assessor.assessor_id", assessor.AssessorId),
            DisplayName = Name("assessor.display_name", assessor.DisplayName),
            EmployingAuthorityCode = assessor.EmployingAuthorityCode.Trim(),
            Active = assessor.Active,
        };
        if (clean.EmployingAuthorityCode.Length > 0 && !GssCode().IsMatch(clean.EmployingAuthorityCode))
        {
            throw new ValidationException("assessor.employing_authority_code", "must be a GSS code such as E08000002, or empty for an independent assessor");
        }

        if (assessor.Roles.Count == 0)
        {
            throw new ValidationException("assessor.roles", "name at least one role the assessor may assess");
        }

        for (var i = 0; i < assessor.Roles.Count; i++)
        {
            Require.AssessedRole($"assessor.roles[{i}]", assessor.Roles[i]);
        }

        clean.Roles.AddRange(assessor.Roles.Distinct().Order());
        clean.Availability.AddRange(Windows("assessor.availability", assessor.Availability));
        for (var i = 0; i < assessor.PreviousEmployment.Count; i++)
        {
            var p = assessor.PreviousEmployment[i];
            var at = $"assessor.previous_employment[{i}]";
            if (!GssCode().IsMatch(p.AuthorityCode))
            {
                throw new ValidationException($"{at}.authority_code", "must be a GSS code such as E08000002");
            }

            var from = Require.Time($"{at}.from", p.From);
            if (Require.Time($"{at}.to", p.To) < from)
            {
                throw new ValidationException($"{at}.to", "must not be before from");
            }

            clean.PreviousEmployment.Add(p.Clone());
        }

        return clean;
    }

    private static List<TimeWindow> Windows(string field, RepeatedField<TimeWindow> windows)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            var start = Require.Time($"{field}[{i}].start", windows[i].Start);
            if (Require.Time($"{field}[{i}].end", windows[i].End) <= start)
            {
                throw new ValidationException($"{field}[{i}].end", "must be after start");
            }
        }

        return windows.Select(w => w.Clone()).ToList();
    }

    private static string Name(string field, string value)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new ValidationException(field, "is required");
        }

        return name.Length <= 200 ? name : throw new ValidationException(field, "must be at most 200 characters");
    }
}
