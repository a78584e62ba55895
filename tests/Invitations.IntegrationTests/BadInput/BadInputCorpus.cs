namespace Invitations.IntegrationTests.BadInput;

/// <summary>Malformed requests for every POST/PUT route: (route, raw body, content type). None of them may write or 5xx.</summary>
public static class BadInputCorpus
{
    public const string Json = "application/json";
    public const string Text = "text/plain";

    private static readonly string Long = new('x', 5000);
    private static readonly string LongEmail = new string('a', 290) + "@example.com";
    private static readonly string Huge = $$"""{"email":"big@example.com","role":"admin","first_name":"{{new string('x', 70 * 1024)}}"}""";

    public static TheoryData<string, string, string> All()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string route, string body, string contentType = Json) => data.Add(route, body, contentType);

        foreach (var route in new[]
                 {
                     "native", "invite-teammate", "workspace-invite", "lookup", "accept", "admin-workspaces", "admin-members", "admin-branding",
                     "join-link-create", "join",
                 })
        {
            Add(route, """{"email":"a@example.com","role":"admin" """);
            Add(route, "");
            Add(route, "null");
            Add(route, "[]");
            Add(route, """{"email":"a@example.com","role":"admin","token":"t","name":"n"}""", Text);
        }

        foreach (var route in new[] { "native", "invite-teammate", "workspace-invite", "lookup", "join" })
        {
            Add(route, Huge);
        }

        Add("native", """[{"email":"a@example.com","role":"admin"}]""");
        Add("native", "\"a@example.com\"");
        Add("native", """{"email":"a@example.com","role":"admin"} trailing""");
        Add("native", """{"email":"a@example.com","role":"admin"}""", "application/xml");
        Add("native", """{"email":"a@example.com","role":"admin"}""", "application/json; charset=bogus");
        Add("native", """{"email":"a@example.com","role":"admin"}""", "multipart/form-data; boundary=x");
        Add("native", $$"""{"email":"a@example.com","role":"admin","team":{{string.Concat(Enumerable.Repeat("{\"a\":", 100))}}1{{new string('}', 100)}}}""");
        Add("native", """{"email":5,"role":"admin"}""");
        Add("native", """{"email":["a@example.com"],"role":"admin"}""");
        Add("native", """{"email":"a@example.com","role":5}""");
        Add("native", """{"email":"a@example.com","role":"admin","send_email":"yes"}""");
        Add("native", """{"email":"a@example.com","role":"admin","expires_in_days":"ten"}""");
        Add("native", """{"email":"a@example.com","role":"admin","expires_in_days":1.5}""");
        Add("native", """{"email":"a@example.com","role":"admin","expires_in_days":99999999999}""");
        Add("native", """{"role":"admin"}""");
        Add("native", """{"email":"a@example.com"}""");
        Add("native", """{"email":"","role":"admin"}""");
        Add("native", """{"email":"   ","role":"admin"}""");
        Add("native", """{"email":"a@example.com","role":""}""");
        Add("native", """{"email":"victim@example.com\r\nBcc: all@evil.example","role":"admin"}""");
        Add("native", "{\"email\":\"victim@example.com\nBcc: all@evil.example\",\"role\":\"admin\"}");
        Add("native", """{"email":"a\tb@example.com","role":"admin"}""");
        Add("native", """{"email":"Bob <bob@example.com>","role":"admin"}""");
        Add("native", """{"email":"a@example.com, b@example.com","role":"admin"}""");
        Add("native", """{"email":"a@example.com;b@example.com","role":"admin"}""");
        Add("native", $$"""{"email":"{{LongEmail}}","role":"admin"}""");
        Add("native", """{"email":"nobody","role":"admin"}""");
        Add("native", """{"email":"a@localhost","role":"admin"}""");
        Add("native", """{"email":"a@b@example.com","role":"admin"}""");
        Add("native", $$"""{"email":"a@example.com","role":"admin","first_name":"{{Long}}"}""");
        Add("native", $$"""{"email":"a@example.com","role":"admin","last_name":"{{Long}}"}""");
        Add("native", """{"email":"a@example.com","role":"admin","first_name":"Ann\u0000"}""");
        Add("native", """{"email":"a@example.com","role":"admin","last_name":"Ann\u001b[31mBob"}""");
        Add("native", """{"email":"a@example.com","role":"admin","first_name":"\ud800"}""");
        Add("native", """{"email":"a@example.com","role":"superuser"}""");
        Add("native", """{"email":"a@example.com","role":"owner"}""");
        Add("native", """{"email":"a@example.com","role":"admin","expires_in_days":0}""");
        Add("native", """{"email":"a@example.com","role":"admin","expires_in_days":31}""");
        Add("native", """{"email":"a@example.com","role":"admin","expires_in_days":-1}""");
        Add("native", $$"""{"email":"a@example.com","role":"admin","team":"{{Long}}"}""");
        Add("native", """{"email":"a@example.com","role":"admin","team":"Sales\nTeam"}""");

        // Addresses that would display the same as another: zero-width space, non-joiner and joiner, word joiner,
        // right-to-left override, BOM, soft hyphen, Hangul filler, variation selector.
        foreach (var invisible in new[] { "\\u200b", "\\u200c", "\\u200d", "\\u2060", "\\u202e", "\\ufeff", "\\u00ad", "\\u3164", "\\ufe0f" })
        {
            Add("native", $$"""{"email":"ad{{invisible}}a@example.com","role":"admin"}""");
            Add("invite-teammate", $$"""{"email":"ada@exam{{invisible}}ple.com"}""");
            Add("workspace-invite", $$"""{"email":"{{invisible}}ada@example.com","role":"admin"}""");
            Add("admin-members", $$"""{"email":"ada{{invisible}}@example.com","role":"viewer"}""");
            Add("admin-workspaces", $$$"""{"name":"X","owner":{"email":"ada@example.com{{{invisible}}}"}}""");
        }

        Add("invite-teammate", """{"email":"a@example.com"}""", "application/json; charset=bogus");
        Add("workspace-invite", """{"email":"a@example.com","role":"admin"}""", "application/json; charset=bogus");
        Add("accept", """{"token":"abc"}""", "application/json; charset=bogus");
        Add("invite-teammate", """{"email":5}""");
        Add("invite-teammate", """{"email":"a@example.com","role":["admin"]}""");
        Add("invite-teammate", "{}");
        Add("invite-teammate", """{"email":""}""");
        Add("invite-teammate", """{"email":"victim@example.com\r\nBcc: all@evil.example"}""");
        Add("invite-teammate", """{"email":"Bob <bob@example.com>"}""");
        Add("invite-teammate", """{"email":"a@example.com b@example.com"}""");
        Add("invite-teammate", $$"""{"email":"{{LongEmail}}"}""");
        Add("invite-teammate", """{"email":"a@example.com","role":"owner"}""");
        Add("invite-teammate", """{"email":"a@example.com","role":"viewer"}""");
        Add("invite-teammate", """{"email":"a@example.com","role":"editor"}""");
        Add("invite-teammate", $$"""{"email":"a@example.com","first_name":"{{Long}}"}""");
        Add("invite-teammate", """{"email":"a@example.com","last_name":"Doe\u0007"}""");
        Add("invite-teammate", $$"""{"email":"a@example.com","team_title":"{{Long}}"}""");
        Add("invite-teammate", """{"email":"a@example.com","team_title":"Nowhere"}""");

        Add("workspace-invite", """{"email":"a@example.com"}""");
        Add("workspace-invite", """{"role":"admin"}""");
        Add("workspace-invite", """{"email":true,"role":"admin"}""");
        Add("workspace-invite", """{"email":"a@example.com","role":"agent"}""");
        Add("workspace-invite", """{"email":"a@example.com","role":"teammate"}""");
        Add("workspace-invite", """{"email":"a@example.com","role":"owner"}""");
        Add("workspace-invite", """{"email":"victim@example.com\r\nBcc: all@evil.example","role":"admin"}""");
        Add("workspace-invite", """{"email":"Bob <bob@example.com>","role":"admin"}""");
        Add("workspace-invite", $$"""{"email":"{{LongEmail}}","role":"admin"}""");

        Add("lookup", """{"token":5}""");
        Add("lookup", """{"token":""}""");
        Add("lookup", "{}");
        Add("lookup", $$"""{"token":"{{Long}}"}""");

        Add("accept", """{"token":{"a":1}}""");
        Add("accept", "{}");
        Add("accept", $$"""{"token":"abc","first_name":"{{Long}}"}""");
        Add("accept", """{"token":"abc","last_name":"A\u0007"}""");
        Add("accept", """{"token":"abc","first_name":["a"]}""");

        Add("join-link-create", """{"role":["editor"]}""");
        Add("join-link-create", """{"role":"editor","max_uses":-1}""");
        Add("join-link-create", """{"role":"editor","max_uses":2147483648}""");
        Add("join-link-create", """{"role":"editor","expires_in_days":1000}""");
        Add("join-link-create", $$"""{"role":"editor","team":"{{Long}}"}""");
        Add("join-link-create", $$"""{"role":"editor","description":"{{Long}}"}""");
        Add("join-link-create", $$"""{"role":"editor","allowed_domains":[{{string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"d{i}.example.com\""))}}]}""");
        Add("join-link-create", """{"role":"editor","allowed_domains":["*.com"]}""");
        Add("join-link-create", """{"role":"editor","allowed_domains":[null]}""");
        Add("join-link-create", """{"role":"owner"}""");

        Add("join", "{}");
        Add("join", """{"token":"abc"}""");
        Add("join", """{"token":5,"email":"a@example.com"}""");
        Add("join", """{"token":"abc","email":"victim@example.com\r\nBcc: all@evil.example"}""");
        Add("join", """{"token":"abc","email":"Bob <bob@example.com>"}""");
        Add("join", """{"token":"abc","email":"a@example.com, b@example.com"}""");
        Add("join", """{"token":"abc","email":"ad\u200ba@example.com"}""");
        Add("join", $$"""{"token":"abc","email":"{{LongEmail}}"}""");
        Add("join", $$"""{"token":"{{Long}}","email":"a@example.com"}""");
        Add("join", $$"""{"token":"abc","email":"a@example.com","first_name":"{{Long}}"}""");
        Add("join", """{"token":"abc","email":"a@example.com","last_name":"A\u0000"}""");
        Add("join", """{"token":"abc","email":"a@example.com","locale":"not a tag"}""");

        Add("admin-workspaces", """{"name":"X"}""");
        Add("admin-workspaces", """{"name":"","owner":{"email":"a@example.com"}}""");
        Add("admin-workspaces", """{"name":"X","owner":"a@example.com"}""");
        Add("admin-workspaces", """{"name":"X","owner":{"email":"Bob <bob@example.com>"}}""");
        Add("admin-workspaces", $$$"""{"name":"{{{Long}}}","owner":{"email":"a@example.com"}}""");
        Add("admin-workspaces", """{"name":"A\u0000B","owner":{"email":"a@example.com"}}""");
        Add("admin-workspaces", $$$"""{"name":"X","owner":{"email":"a@example.com","first_name":"{{{Long}}}"}}""");

        Add("admin-members", """{"email":"a@example.com","role":"superuser"}""");
        Add("admin-members", """{"email":"a@example.com"}""");
        Add("admin-members", """{"email":"a@example.com\r\nX-Evil: 1","role":"viewer"}""");
        Add("admin-members", """{"email":"a@example.com","role":"viewer","team":"Nope"}""");
        Add("admin-members", $$"""{"email":"a@example.com","role":"viewer","first_name":"{{Long}}"}""");

        Add("admin-api-keys", "{}");
        Add("admin-api-keys", """{"user_id":"abc"}""");
        Add("admin-api-keys", """{"user_id":-1}""");
        Add("admin-api-keys", """{"user_id":1.5}""");
        Add("admin-api-keys", "null");
        Add("admin-api-keys", """{"user_id":99999999999999999999}""");
        Add("admin-api-keys", """{"user_id":""", Text);

        Add("admin-teams", "{}");
        Add("admin-teams", """{"title":""}""");
        Add("admin-teams", """{"title":"   "}""");
        Add("admin-teams", """{"title":5}""");
        Add("admin-teams", $$"""{"title":"{{Long}}"}""");
        Add("admin-teams", """{"title":"A\u0000B"}""");

        Add("admin-branding", """{"custom_domain":"http://x.example.com"}""");
        Add("admin-branding", """{"white_label":"yes"}""");
        Add("admin-branding", """{"sender_email":"not-an-email"}""");
        Add("admin-branding", """{"sender_email_verified":true}""");
        Add("admin-branding", """{"custom_domain_verified":true}""");
        Add("admin-branding", """{"sender_email":"a@example.com\r\nBcc: x@evil.example"}""");
        return data;
    }
}
