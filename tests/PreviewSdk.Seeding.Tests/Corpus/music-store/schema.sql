-- A digital music store: artists, albums, tracks, playlists, customers, their support representatives and
-- invoices. Written for PreviewSdk's tests in the style of the public Chinook sample's PostgreSQL script
-- (PascalCase quoted identifiers, integer keys without sequences, a self-referencing employee hierarchy, billing
-- addresses copied onto invoices). See README.md.

CREATE TABLE "Artist" (
    "ArtistId" integer NOT NULL,
    "Name" varchar(120),
    CONSTRAINT "PK_Artist" PRIMARY KEY ("ArtistId"));

CREATE TABLE "Album" (
    "AlbumId" integer NOT NULL,
    "Title" varchar(160) NOT NULL,
    "ArtistId" integer NOT NULL,
    CONSTRAINT "PK_Album" PRIMARY KEY ("AlbumId"),
    CONSTRAINT "FK_AlbumArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artist" ("ArtistId"));

CREATE TABLE "Genre" (
    "GenreId" integer NOT NULL,
    "Name" varchar(120),
    CONSTRAINT "PK_Genre" PRIMARY KEY ("GenreId"));

CREATE TABLE "MediaType" (
    "MediaTypeId" integer NOT NULL,
    "Name" varchar(120),
    CONSTRAINT "PK_MediaType" PRIMARY KEY ("MediaTypeId"));

CREATE TABLE "Track" (
    "TrackId" integer NOT NULL,
    "Name" varchar(200) NOT NULL,
    "AlbumId" integer,
    "MediaTypeId" integer NOT NULL,
    "GenreId" integer,
    "Composer" varchar(220),
    "Milliseconds" integer NOT NULL,
    "Bytes" integer,
    "UnitPrice" numeric(10, 2) NOT NULL,
    CONSTRAINT "PK_Track" PRIMARY KEY ("TrackId"),
    CONSTRAINT "FK_TrackAlbumId" FOREIGN KEY ("AlbumId") REFERENCES "Album" ("AlbumId"),
    CONSTRAINT "FK_TrackGenreId" FOREIGN KEY ("GenreId") REFERENCES "Genre" ("GenreId"),
    CONSTRAINT "FK_TrackMediaTypeId" FOREIGN KEY ("MediaTypeId") REFERENCES "MediaType" ("MediaTypeId"));

CREATE TABLE "Playlist" (
    "PlaylistId" integer NOT NULL,
    "Name" varchar(120),
    CONSTRAINT "PK_Playlist" PRIMARY KEY ("PlaylistId"));

CREATE TABLE "PlaylistTrack" (
    "PlaylistId" integer NOT NULL,
    "TrackId" integer NOT NULL,
    CONSTRAINT "PK_PlaylistTrack" PRIMARY KEY ("PlaylistId", "TrackId"),
    CONSTRAINT "FK_PlaylistTrackPlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlist" ("PlaylistId"),
    CONSTRAINT "FK_PlaylistTrackTrackId" FOREIGN KEY ("TrackId") REFERENCES "Track" ("TrackId"));

CREATE TABLE "Employee" (
    "EmployeeId" integer NOT NULL,
    "LastName" varchar(20) NOT NULL,
    "FirstName" varchar(20) NOT NULL,
    "Title" varchar(30),
    "ReportsTo" integer,
    "BirthDate" timestamp,
    "HireDate" timestamp,
    "Address" varchar(70),
    "City" varchar(40),
    "State" varchar(40),
    "Country" varchar(40),
    "PostalCode" varchar(10),
    "Phone" varchar(24),
    "Fax" varchar(24),
    "Email" varchar(60),
    CONSTRAINT "PK_Employee" PRIMARY KEY ("EmployeeId"),
    CONSTRAINT "FK_EmployeeReportsTo" FOREIGN KEY ("ReportsTo") REFERENCES "Employee" ("EmployeeId"));

CREATE TABLE "Customer" (
    "CustomerId" integer NOT NULL,
    "FirstName" varchar(40) NOT NULL,
    "LastName" varchar(20) NOT NULL,
    "Company" varchar(80),
    "Address" varchar(70),
    "City" varchar(40),
    "State" varchar(40),
    "Country" varchar(40),
    "PostalCode" varchar(10),
    "Phone" varchar(24),
    "Fax" varchar(24),
    "Email" varchar(60) NOT NULL,
    "SupportRepId" integer,
    CONSTRAINT "PK_Customer" PRIMARY KEY ("CustomerId"),
    CONSTRAINT "FK_CustomerSupportRepId" FOREIGN KEY ("SupportRepId") REFERENCES "Employee" ("EmployeeId"));

CREATE TABLE "Invoice" (
    "InvoiceId" integer NOT NULL,
    "CustomerId" integer NOT NULL,
    "InvoiceDate" timestamp NOT NULL,
    "BillingAddress" varchar(70),
    "BillingCity" varchar(40),
    "BillingState" varchar(40),
    "BillingCountry" varchar(40),
    "BillingPostalCode" varchar(10),
    "Total" numeric(10, 2) NOT NULL,
    CONSTRAINT "PK_Invoice" PRIMARY KEY ("InvoiceId"),
    CONSTRAINT "FK_InvoiceCustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customer" ("CustomerId"));

CREATE TABLE "InvoiceLine" (
    "InvoiceLineId" integer NOT NULL,
    "InvoiceId" integer NOT NULL,
    "TrackId" integer NOT NULL,
    "UnitPrice" numeric(10, 2) NOT NULL,
    "Quantity" integer NOT NULL,
    CONSTRAINT "PK_InvoiceLine" PRIMARY KEY ("InvoiceLineId"),
    CONSTRAINT "FK_InvoiceLineInvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoice" ("InvoiceId"),
    CONSTRAINT "FK_InvoiceLineTrackId" FOREIGN KEY ("TrackId") REFERENCES "Track" ("TrackId"));

CREATE INDEX "IFK_AlbumArtistId" ON "Album" ("ArtistId");
CREATE INDEX "IFK_CustomerSupportRepId" ON "Customer" ("SupportRepId");
CREATE INDEX "IFK_InvoiceCustomerId" ON "Invoice" ("CustomerId");
CREATE INDEX "IFK_TrackAlbumId" ON "Track" ("AlbumId");
