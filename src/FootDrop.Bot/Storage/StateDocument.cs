using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Turns stored items into JSON text and back the way Bot Builder's own storage does: Newtonsoft with full type names,
/// so <see cref="Microsoft.Bot.Builder.BotState"/> dictionaries and the typed values inside them come back as the same types.
/// </summary>
internal static class StateDocument
{
    private static readonly JsonSerializerSettings s_settings = new()
    {
        // What MemoryStorage uses. The documents are written only by this bot, never by users, so naming types is safe here.
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        NullValueHandling = NullValueHandling.Include,
    };

    public static string Serialize(object item)
    {
        if (item.GetType() == typeof(Dictionary<string, object>))
        {
            // BotState's own shape, nearly every write: straight to text, leaving out the eTag entry, in one pass.
            var dictionary = (Dictionary<string, object>)item;
            var withoutETag = new Dictionary<string, object>(dictionary.Count);
            foreach (var (key, value) in dictionary)
            {
                if (!StoredItemETag.IsETagName(key))
                {
                    withoutETag[key] = value;
                }
            }

            return JsonConvert.SerializeObject(withoutETag, s_settings);
        }

        var document = JObject.FromObject(item, JsonSerializer.Create(s_settings));
        StoredItemETag.RemoveFrom(document);
        return document.ToString(Formatting.None);
    }

    public static object Deserialize(string document)
    {
        // Read straight from text (not via JObject) so strings bound to string members are never re-parsed as dates.
        using var reader = new JsonTextReader(new StringReader(document));
        return JsonSerializer.Create(s_settings).Deserialize(reader, typeof(object))
            ?? throw new JsonSerializationException("A stored state document is empty.");
    }
}
