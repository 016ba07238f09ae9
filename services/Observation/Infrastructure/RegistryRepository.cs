using Accreditation.BuildingBlocks.Idempotency;
using Accreditation.BuildingBlocks.Redis;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf;
using StackExchange.Redis;

namespace Accreditation.Observation.Infrastructure;

/// <summary>
/// The assessor and actor registry: assessor:{id} and actor:{id} (protobuf), assessors and actors
/// (sorted sets of ids, lexical order). A registration replaces the previous one of the same id.
/// </summary>
public sealed class RegistryRepository(RedisStore store, CommandLog commands)
{
    private IDatabase Db => store.Database;

    public async Task<Assessor?> GetAssessorAsync(string assessorId)
    {
        var bytes = await Db.StringGetAsync(store.Keys.Key("assessor", assessorId));
        return bytes.IsNull ? null : Assessor.Parser.ParseFrom((byte[])bytes!);
    }

    public async Task<Actor?> GetActorAsync(string actorId)
    {
        var bytes = await Db.StringGetAsync(store.Keys.Key("actor", actorId));
        return bytes.IsNull ? null : Actor.Parser.ParseFrom((byte[])bytes!);
    }

    public async Task<List<Assessor>> ListAssessorsAsync()
    {
        var list = new List<Assessor>();
        foreach (var id in await Db.SortedSetRangeByRankAsync(store.Keys.Key("assessors")))
        {
            if (await GetAssessorAsync(id!) is { } assessor)
            {
                list.Add(assessor);
            }
        }

        return list;
    }

    public async Task<List<Actor>> ListActorsAsync()
    {
        var list = new List<Actor>();
        foreach (var id in await Db.SortedSetRangeByRankAsync(store.Keys.Key("actors")))
        {
            if (await GetActorAsync(id!) is { } actor)
            {
                list.Add(actor);
            }
        }

        return list;
    }

    public Task<bool> SaveAssessorAsync(Assessor assessor, CommandKey command, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        return SaveAsync("assessor", "assessors", assessor.AssessorId, assessor, command, response);
    }

    public Task<bool> SaveActorAsync(Actor actor, CommandKey command, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return SaveAsync("actor", "actors", actor.ActorId, actor, command, response);
    }

    private async Task<bool> SaveAsync(string kind, string list, string id, IMessage message, CommandKey command, byte[] response)
    {
        var tx = Db.CreateTransaction();
        _ = tx.StringSetAsync(store.Keys.Key(kind, id), message.ToByteArray());
        _ = tx.SortedSetAddAsync(store.Keys.Key(list), id, 0);
        commands.Stage(tx, command, response);
        return await tx.ExecuteAsync();
    }
}
