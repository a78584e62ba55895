using Invitations.Application.Invitations.EmailOutbox;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Invitations.Application.Tests.Invitations;

/// <summary>The email's real texts (its resource files), read as the service reads them.</summary>
internal static class EmailTexts
{
    public static readonly IStringLocalizer<InvitationEmailTexts> Localizer = new StringLocalizer<InvitationEmailTexts>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
