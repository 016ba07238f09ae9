using Accreditation.BuildingBlocks.Errors;
using Accreditation.BuildingBlocks.Validation;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Observation.Infrastructure;

namespace Accreditation.Observation.Application;

/// <summary>Reads of the score audit trail.</summary>
public sealed class AuditQueries(SessionRepository sessions)
{
    public async Task<ListScoreAuditResponse> ListAsync(ListScoreAuditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Require.Id("session_id", request.SessionId);
        if (await sessions.GetSessionAsync(id) is null)
        {
            throw new NotFoundException($"session {id} does not exist", "session_id");
        }

        var response = new ListScoreAuditResponse();
        response.Entries.AddRange((await sessions.AuditOfAsync(id)).Select(SessionMapper.ToContract));
        return response;
    }
}
