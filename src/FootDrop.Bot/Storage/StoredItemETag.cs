using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Where an item keeps its eTag. <see cref="IStoreItem"/> has a property; <see cref="BotState"/> keeps its state as a
/// dictionary, so the eTag rides in it under <see cref="Name"/> and comes back on save, which is what makes optimistic
/// concurrency work through <see cref="BotState.SaveChangesAsync"/>.
/// </summary>
internal static class StoredItemETag
{
    public const string Name = "eTag";

    /// <summary>Any eTag: the write replaces whatever is stored.</summary>
    public const string Any = "*";

    public static string? Get(object item) => item switch
    {
        IStoreItem storeItem => storeItem.ETag,
        JObject json => json.TryGetValue(Name, out var token) && token.Type == JTokenType.String ? token.Value<string>() : null,
        IDictionary<string, object?> dictionary => dictionary.TryGetValue(Name, out var value) ? value as string : null,
        _ => null,
    };

    public static void Set(object item, string eTag)
    {
        switch (item)
        {
            case IStoreItem storeItem:
                storeItem.ETag = eTag;
                break;
            case JObject json:
                json[Name] = eTag;
                break;
            case IDictionary<string, object?> { IsReadOnly: false } dictionary:
                dictionary[Name] = eTag;
                break;
        }
    }

    /// <summary>True for the entry that carries the eTag, however it is cased.</summary>
    public static bool IsETagName(string name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The eTag is kept in its own column, never in the stored document, so a stale copy can never come back.</summary>
    public static void RemoveFrom(JObject document)
    {
        foreach (var property in document.Properties().Where(p => IsETagName(p.Name)).ToList())
        {
            property.Remove();
        }
    }

    public static string CreateNew() => Guid.NewGuid().ToString("N");
}
