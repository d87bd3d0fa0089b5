using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coolify.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: true),
                    team_id = table.Column<int>(type: "integer", nullable: true),
                    target = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "environment_variables",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resourceable_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resourceable_id = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    value = table.Column<string>(type: "text", nullable: true),
                    is_buildtime = table.Column<bool>(type: "boolean", nullable: false),
                    is_runtime = table.Column<bool>(type: "boolean", nullable: false),
                    is_preview = table.Column<bool>(type: "boolean", nullable: false),
                    is_literal = table.Column<bool>(type: "boolean", nullable: false),
                    is_multiline = table.Column<bool>(type: "boolean", nullable: false),
                    is_shown_once = table.Column<bool>(type: "boolean", nullable: false),
                    is_shared = table.Column<bool>(type: "boolean", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_environment_variables", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instance_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    instance_name = table.Column<string>(type: "text", nullable: true),
                    fqdn = table.Column<string>(type: "text", nullable: true),
                    public_ipv4 = table.Column<string>(type: "text", nullable: true),
                    public_ipv6 = table.Column<string>(type: "text", nullable: true),
                    instance_timezone = table.Column<string>(type: "text", nullable: false),
                    is_registration_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_api_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    allowed_ips = table.Column<string>(type: "text", nullable: true),
                    is_dns_validation_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    custom_dns_servers = table.Column<string>(type: "text", nullable: true),
                    disable_two_step_confirmation = table.Column<bool>(type: "boolean", nullable: false),
                    is_auto_update_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    update_check_frequency = table.Column<string>(type: "text", nullable: false),
                    acme_directory_url = table.Column<string>(type: "text", nullable: true),
                    acme_email = table.Column<string>(type: "text", nullable: true),
                    smtp_host = table.Column<string>(type: "text", nullable: true),
                    smtp_port = table.Column<int>(type: "integer", nullable: true),
                    smtp_username = table.Column<string>(type: "text", nullable: true),
                    smtp_password = table.Column<string>(type: "text", nullable: true),
                    smtp_from_address = table.Column<string>(type: "text", nullable: true),
                    smtp_from_name = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instance_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_file_volumes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resource_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resource_id = table.Column<int>(type: "integer", nullable: false),
                    fs_path = table.Column<string>(type: "text", nullable: false),
                    mount_path = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "text", nullable: true),
                    is_directory = table.Column<bool>(type: "boolean", nullable: false),
                    is_based_on_git = table.Column<bool>(type: "boolean", nullable: false),
                    chown = table.Column<string>(type: "text", nullable: true),
                    chmod = table.Column<string>(type: "text", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_file_volumes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_persistent_volumes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resource_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resource_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    mount_path = table.Column<string>(type: "text", nullable: false),
                    host_path = table.Column<string>(type: "text", nullable: true),
                    container_id = table.Column<string>(type: "text", nullable: true),
                    is_readonly = table.Column<bool>(type: "boolean", nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_persistent_volumes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    is_root_team = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    personal_team = table.Column<bool>(type: "boolean", nullable: false),
                    show_boarding = table.Column<bool>(type: "boolean", nullable: false),
                    custom_server_limit = table.Column<int>(type: "integer", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "private_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    private_key = table.Column<string>(type: "text", nullable: false),
                    public_key = table.Column<string>(type: "text", nullable: true),
                    fingerprint = table.Column<string>(type: "text", nullable: true),
                    is_git_related = table.Column<bool>(type: "boolean", nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_private_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_private_keys_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.id);
                    table.ForeignKey(
                        name: "FK_projects_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => x.id);
                    table.ForeignKey(
                        name: "FK_tags_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_invitations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    via = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    invited_by_user_id = table.Column<int>(type: "integer", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_invitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_team_invitations_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    email_verified_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    two_factor_confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    force_password_reset = table.Column<bool>(type: "boolean", nullable: false),
                    marketing_emails = table.Column<bool>(type: "boolean", nullable: false),
                    current_team_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                    table.ForeignKey(
                        name: "FK_users_teams_current_team_id",
                        column: x => x.current_team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "servers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    ip = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    user = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    port = table.Column<int>(type: "integer", nullable: false),
                    private_key_id = table.Column<int>(type: "integer", nullable: true),
                    is_localhost = table.Column<bool>(type: "boolean", nullable: false),
                    proxy_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    proxy = table.Column<string>(type: "text", nullable: true),
                    host_key = table.Column<string>(type: "text", nullable: true),
                    validation_logs = table.Column<string>(type: "text", nullable: true),
                    unreachable_count = table.Column<int>(type: "integer", nullable: false),
                    unreachable_notification_sent = table.Column<bool>(type: "boolean", nullable: false),
                    high_disk_usage_notification_sent = table.Column<bool>(type: "boolean", nullable: false),
                    log_drain_notification_sent = table.Column<bool>(type: "boolean", nullable: false),
                    swarm_cluster = table.Column<int>(type: "integer", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_servers", x => x.id);
                    table.ForeignKey(
                        name: "FK_servers_private_keys_private_key_id",
                        column: x => x.private_key_id,
                        principalTable: "private_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_servers_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "environments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_environments", x => x.id);
                    table.ForeignKey(
                        name: "FK_environments_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "taggables",
                columns: table => new
                {
                    tag_id = table.Column<int>(type: "integer", nullable: false),
                    taggable_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    taggable_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taggables", x => new { x.tag_id, x.taggable_type, x.taggable_id });
                    table.ForeignKey(
                        name: "FK_taggables_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "personal_access_tokens",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    abilities = table.Column<string>(type: "text", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_access_tokens", x => x.id);
                    table.ForeignKey(
                        name: "FK_personal_access_tokens_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_personal_access_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_user",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_team_user", x => x.id);
                    table.ForeignKey(
                        name: "FK_team_user_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_team_user_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "destinations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    server_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    network = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_destinations", x => x.id);
                    table.ForeignKey(
                        name: "FK_destinations_servers_server_id",
                        column: x => x.server_id,
                        principalTable: "servers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "server_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    server_id = table.Column<int>(type: "integer", nullable: false),
                    concurrent_builds = table.Column<int>(type: "integer", nullable: false),
                    deployment_queue_limit = table.Column<int>(type: "integer", nullable: false),
                    dynamic_timeout = table.Column<int>(type: "integer", nullable: false),
                    connection_timeout = table.Column<int>(type: "integer", nullable: false),
                    wildcard_domain = table.Column<string>(type: "text", nullable: true),
                    server_timezone = table.Column<string>(type: "text", nullable: false),
                    is_reachable = table.Column<bool>(type: "boolean", nullable: false),
                    is_usable = table.Column<bool>(type: "boolean", nullable: false),
                    force_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_build_server = table.Column<bool>(type: "boolean", nullable: false),
                    is_swarm_manager = table.Column<bool>(type: "boolean", nullable: false),
                    is_swarm_worker = table.Column<bool>(type: "boolean", nullable: false),
                    is_terminal_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_metrics_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    force_server_cleanup = table.Column<bool>(type: "boolean", nullable: false),
                    docker_cleanup_frequency = table.Column<string>(type: "text", nullable: false),
                    docker_cleanup_threshold = table.Column<int>(type: "integer", nullable: false),
                    delete_unused_volumes = table.Column<bool>(type: "boolean", nullable: false),
                    delete_unused_networks = table.Column<bool>(type: "boolean", nullable: false),
                    sentinel_token = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_server_settings", x => x.id);
                    table.ForeignKey(
                        name: "FK_server_settings_servers_server_id",
                        column: x => x.server_id,
                        principalTable: "servers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    environment_id = table.Column<int>(type: "integer", nullable: false),
                    destination_id = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<int>(type: "integer", nullable: true),
                    private_key_id = table.Column<int>(type: "integer", nullable: true),
                    repository_project_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    fqdn = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    config_hash = table.Column<string>(type: "text", nullable: true),
                    git_repository = table.Column<string>(type: "text", nullable: true),
                    git_branch = table.Column<string>(type: "text", nullable: false),
                    git_commit_sha = table.Column<string>(type: "text", nullable: false),
                    git_full_url = table.Column<string>(type: "text", nullable: true),
                    docker_registry_image_name = table.Column<string>(type: "text", nullable: true),
                    docker_registry_image_tag = table.Column<string>(type: "text", nullable: true),
                    build_pack = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    static_image = table.Column<string>(type: "text", nullable: true),
                    install_command = table.Column<string>(type: "text", nullable: true),
                    build_command = table.Column<string>(type: "text", nullable: true),
                    start_command = table.Column<string>(type: "text", nullable: true),
                    base_directory = table.Column<string>(type: "text", nullable: false),
                    publish_directory = table.Column<string>(type: "text", nullable: true),
                    dockerfile = table.Column<string>(type: "text", nullable: true),
                    dockerfile_location = table.Column<string>(type: "text", nullable: false),
                    dockerfile_target_build = table.Column<string>(type: "text", nullable: true),
                    docker_compose_location = table.Column<string>(type: "text", nullable: false),
                    docker_compose = table.Column<string>(type: "text", nullable: true),
                    docker_compose_raw = table.Column<string>(type: "text", nullable: true),
                    docker_compose_domains = table.Column<string>(type: "text", nullable: true),
                    docker_compose_custom_start_command = table.Column<string>(type: "text", nullable: true),
                    docker_compose_custom_build_command = table.Column<string>(type: "text", nullable: true),
                    watch_paths = table.Column<string>(type: "text", nullable: true),
                    ports_exposes = table.Column<string>(type: "text", nullable: false),
                    ports_mappings = table.Column<string>(type: "text", nullable: true),
                    custom_network_aliases = table.Column<string>(type: "text", nullable: true),
                    redirect = table.Column<string>(type: "text", nullable: false),
                    preview_url_template = table.Column<string>(type: "text", nullable: true),
                    is_http_basic_auth_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    http_basic_auth_username = table.Column<string>(type: "text", nullable: true),
                    http_basic_auth_password = table.Column<string>(type: "text", nullable: true),
                    health_check_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    health_check_path = table.Column<string>(type: "text", nullable: false),
                    health_check_port = table.Column<string>(type: "text", nullable: true),
                    health_check_host = table.Column<string>(type: "text", nullable: false),
                    health_check_method = table.Column<string>(type: "text", nullable: false),
                    health_check_return_code = table.Column<int>(type: "integer", nullable: false),
                    health_check_scheme = table.Column<string>(type: "text", nullable: false),
                    health_check_response_text = table.Column<string>(type: "text", nullable: true),
                    health_check_interval = table.Column<int>(type: "integer", nullable: false),
                    health_check_timeout = table.Column<int>(type: "integer", nullable: false),
                    health_check_retries = table.Column<int>(type: "integer", nullable: false),
                    health_check_start_period = table.Column<int>(type: "integer", nullable: false),
                    health_check_type = table.Column<string>(type: "text", nullable: false),
                    health_check_command = table.Column<string>(type: "text", nullable: true),
                    custom_healthcheck_found = table.Column<bool>(type: "boolean", nullable: false),
                    limits_memory = table.Column<string>(type: "text", nullable: false),
                    limits_memory_swap = table.Column<string>(type: "text", nullable: false),
                    limits_memory_swappiness = table.Column<int>(type: "integer", nullable: false),
                    limits_memory_reservation = table.Column<string>(type: "text", nullable: false),
                    limits_cpus = table.Column<string>(type: "text", nullable: false),
                    limits_cpuset = table.Column<string>(type: "text", nullable: true),
                    limits_cpu_shares = table.Column<int>(type: "integer", nullable: false),
                    custom_labels = table.Column<string>(type: "text", nullable: true),
                    custom_docker_run_options = table.Column<string>(type: "text", nullable: true),
                    restart_policy = table.Column<string>(type: "text", nullable: false),
                    max_restart_count = table.Column<int>(type: "integer", nullable: false),
                    swarm_replicas = table.Column<int>(type: "integer", nullable: true),
                    swarm_placement_constraints = table.Column<string>(type: "text", nullable: true),
                    pre_deployment_command = table.Column<string>(type: "text", nullable: true),
                    pre_deployment_command_container = table.Column<string>(type: "text", nullable: true),
                    post_deployment_command = table.Column<string>(type: "text", nullable: true),
                    post_deployment_command_container = table.Column<string>(type: "text", nullable: true),
                    custom_nginx_configuration = table.Column<string>(type: "text", nullable: true),
                    compose_parsing_version = table.Column<string>(type: "text", nullable: true),
                    manual_webhook_secret_github = table.Column<string>(type: "text", nullable: true),
                    manual_webhook_secret_gitlab = table.Column<string>(type: "text", nullable: true),
                    manual_webhook_secret_bitbucket = table.Column<string>(type: "text", nullable: true),
                    manual_webhook_secret_gitea = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.id);
                    table.ForeignKey(
                        name: "FK_applications_destinations_destination_id",
                        column: x => x.destination_id,
                        principalTable: "destinations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_applications_environments_environment_id",
                        column: x => x.environment_id,
                        principalTable: "environments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_applications_private_keys_private_key_id",
                        column: x => x.private_key_id,
                        principalTable: "private_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_deployment_queues",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    server_id = table.Column<int>(type: "integer", nullable: false),
                    destination_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    commit = table.Column<string>(type: "text", nullable: false),
                    commit_message = table.Column<string>(type: "text", nullable: true),
                    pull_request_id = table.Column<int>(type: "integer", nullable: false),
                    force_rebuild = table.Column<bool>(type: "boolean", nullable: false),
                    restart_only = table.Column<bool>(type: "boolean", nullable: false),
                    rollback = table.Column<bool>(type: "boolean", nullable: false),
                    is_webhook = table.Column<bool>(type: "boolean", nullable: false),
                    is_api = table.Column<bool>(type: "boolean", nullable: false),
                    only_this_server = table.Column<bool>(type: "boolean", nullable: false),
                    git_type = table.Column<string>(type: "text", nullable: true),
                    docker_registry_image_tag = table.Column<string>(type: "text", nullable: true),
                    configuration_hash = table.Column<string>(type: "text", nullable: true),
                    deployment_url = table.Column<string>(type: "text", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    deployment_uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_deployment_queues", x => x.id);
                    table.ForeignKey(
                        name: "FK_application_deployment_queues_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_application_deployment_queues_servers_server_id",
                        column: x => x.server_id,
                        principalTable: "servers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    is_static = table.Column<bool>(type: "boolean", nullable: false),
                    is_spa = table.Column<bool>(type: "boolean", nullable: false),
                    is_git_submodules_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_git_lfs_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_git_shallow_clone_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_auto_deploy_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_force_https_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_debug_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_preview_deployments_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_pr_deployments_public_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_log_drain_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_gpu_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    gpu_driver = table.Column<string>(type: "text", nullable: true),
                    gpu_count = table.Column<string>(type: "text", nullable: true),
                    gpu_device_ids = table.Column<string>(type: "text", nullable: true),
                    gpu_options = table.Column<string>(type: "text", nullable: true),
                    is_include_timestamps = table.Column<bool>(type: "boolean", nullable: false),
                    is_swarm_only_worker_nodes = table.Column<bool>(type: "boolean", nullable: false),
                    is_raw_compose_deployment_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_build_server_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_consistent_container_name_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_gzip_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_stripprefix_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    connect_to_docker_network = table.Column<bool>(type: "boolean", nullable: false),
                    custom_internal_name = table.Column<string>(type: "text", nullable: true),
                    is_container_label_escape_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_container_label_readonly_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_env_sorting_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_preserve_repository_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    disable_build_cache = table.Column<bool>(type: "boolean", nullable: false),
                    use_build_secrets = table.Column<bool>(type: "boolean", nullable: false),
                    inject_build_args_to_dockerfile = table.Column<bool>(type: "boolean", nullable: false),
                    include_source_commit_in_build = table.Column<bool>(type: "boolean", nullable: false),
                    docker_images_to_keep = table.Column<int>(type: "integer", nullable: false),
                    stop_grace_period = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_settings", x => x.id);
                    table.ForeignKey(
                        name: "FK_application_settings_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deployment_log_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    deployment_id = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    output = table.Column<string>(type: "text", nullable: false),
                    hidden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deployment_log_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_deployment_log_lines_application_deployment_queues_deployme~",
                        column: x => x.deployment_id,
                        principalTable: "application_deployment_queues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_deployment_queues_application_id",
                table: "application_deployment_queues",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "IX_application_deployment_queues_deployment_uuid",
                table: "application_deployment_queues",
                column: "deployment_uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_deployment_queues_server_id",
                table: "application_deployment_queues",
                column: "server_id");

            migrationBuilder.CreateIndex(
                name: "IX_application_deployment_queues_status_server_id_created_at",
                table: "application_deployment_queues",
                columns: new[] { "status", "server_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_application_settings_application_id",
                table: "application_settings",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_destination_id",
                table: "applications",
                column: "destination_id");

            migrationBuilder.CreateIndex(
                name: "IX_applications_environment_id",
                table: "applications",
                column: "environment_id");

            migrationBuilder.CreateIndex(
                name: "IX_applications_private_key_id",
                table: "applications",
                column: "private_key_id");

            migrationBuilder.CreateIndex(
                name: "IX_applications_uuid",
                table: "applications",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_created_at",
                table: "audit_events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_deployment_log_lines_deployment_id_sequence",
                table: "deployment_log_lines",
                columns: new[] { "deployment_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_destinations_server_id_network",
                table: "destinations",
                columns: new[] { "server_id", "network" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_destinations_uuid",
                table: "destinations",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_environment_variables_resourceable_type_resourceable_id_is_~",
                table: "environment_variables",
                columns: new[] { "resourceable_type", "resourceable_id", "is_preview", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_environment_variables_uuid",
                table: "environment_variables",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_environments_project_id_name",
                table: "environments",
                columns: new[] { "project_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_environments_uuid",
                table: "environments",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_local_file_volumes_resource_type_resource_id",
                table: "local_file_volumes",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "IX_local_file_volumes_uuid",
                table: "local_file_volumes",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_local_persistent_volumes_resource_type_resource_id",
                table: "local_persistent_volumes",
                columns: new[] { "resource_type", "resource_id" });

            migrationBuilder.CreateIndex(
                name: "IX_local_persistent_volumes_uuid",
                table: "local_persistent_volumes",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_personal_access_tokens_team_id",
                table: "personal_access_tokens",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "IX_personal_access_tokens_token",
                table: "personal_access_tokens",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_personal_access_tokens_user_id",
                table: "personal_access_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_private_keys_team_id",
                table: "private_keys",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "IX_private_keys_uuid",
                table: "private_keys",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_team_id",
                table: "projects",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "IX_projects_uuid",
                table: "projects",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_server_settings_server_id",
                table: "server_settings",
                column: "server_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_servers_private_key_id",
                table: "servers",
                column: "private_key_id");

            migrationBuilder.CreateIndex(
                name: "IX_servers_team_id",
                table: "servers",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "IX_servers_uuid",
                table: "servers",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_taggables_taggable_type_taggable_id",
                table: "taggables",
                columns: new[] { "taggable_type", "taggable_id" });

            migrationBuilder.CreateIndex(
                name: "IX_tags_team_id_name",
                table: "tags",
                columns: new[] { "team_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tags_uuid",
                table: "tags",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_team_invitations_team_id_email",
                table: "team_invitations",
                columns: new[] { "team_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_team_invitations_token_hash",
                table: "team_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_team_invitations_uuid",
                table: "team_invitations",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_team_user_team_id_user_id",
                table: "team_user",
                columns: new[] { "team_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_team_user_user_id",
                table: "team_user",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_teams_uuid",
                table: "teams",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "IX_users_current_team_id",
                table: "users",
                column: "current_team_id");

            migrationBuilder.CreateIndex(
                name: "IX_users_uuid",
                table: "users",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_settings");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "deployment_log_lines");

            migrationBuilder.DropTable(
                name: "environment_variables");

            migrationBuilder.DropTable(
                name: "instance_settings");

            migrationBuilder.DropTable(
                name: "local_file_volumes");

            migrationBuilder.DropTable(
                name: "local_persistent_volumes");

            migrationBuilder.DropTable(
                name: "personal_access_tokens");

            migrationBuilder.DropTable(
                name: "server_settings");

            migrationBuilder.DropTable(
                name: "taggables");

            migrationBuilder.DropTable(
                name: "team_invitations");

            migrationBuilder.DropTable(
                name: "team_user");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "application_deployment_queues");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "destinations");

            migrationBuilder.DropTable(
                name: "environments");

            migrationBuilder.DropTable(
                name: "servers");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "private_keys");

            migrationBuilder.DropTable(
                name: "teams");
        }
    }
}
