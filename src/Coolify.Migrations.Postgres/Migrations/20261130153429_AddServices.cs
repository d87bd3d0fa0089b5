using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Coolify.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    environment_id = table.Column<int>(type: "integer", nullable: false),
                    destination_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    docker_compose_raw = table.Column<string>(type: "text", nullable: false),
                    docker_compose = table.Column<string>(type: "text", nullable: true),
                    service_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    connect_to_docker_network = table.Column<bool>(type: "boolean", nullable: false),
                    is_container_label_escape_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_container_label_readonly_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    allow_risky_options = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.id);
                    table.ForeignKey(
                        name: "FK_services_destinations_destination_id",
                        column: x => x.destination_id,
                        principalTable: "destinations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_environments_environment_id",
                        column: x => x.environment_id,
                        principalTable: "environments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    service_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    human_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    fqdn = table.Column<string>(type: "text", nullable: true),
                    noindex_domains = table.Column<string>(type: "text", nullable: true),
                    image = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    exclude_from_status = table.Column<bool>(type: "boolean", nullable: false),
                    is_log_drain_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_gzip_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    is_stripprefix_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    serving_container = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_applications", x => x.id);
                    table.ForeignKey(
                        name: "FK_service_applications_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_databases",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    service_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    human_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    image = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    database_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    exclude_from_status = table.Column<bool>(type: "boolean", nullable: false),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    public_port = table.Column<int>(type: "integer", nullable: true),
                    is_log_drain_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    uuid = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_databases", x => x.id);
                    table.ForeignKey(
                        name: "FK_service_databases_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_applications_service_id_name",
                table: "service_applications",
                columns: new[] { "service_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_applications_uuid",
                table: "service_applications",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_databases_service_id_name",
                table: "service_databases",
                columns: new[] { "service_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_databases_uuid",
                table: "service_databases",
                column: "uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_destination_id",
                table: "services",
                column: "destination_id");

            migrationBuilder.CreateIndex(
                name: "IX_services_environment_id",
                table: "services",
                column: "environment_id");

            migrationBuilder.CreateIndex(
                name: "IX_services_uuid",
                table: "services",
                column: "uuid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_applications");

            migrationBuilder.DropTable(
                name: "service_databases");

            migrationBuilder.DropTable(
                name: "services");
        }
    }
}
