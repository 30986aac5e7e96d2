-- Schema 3: the web view's sign-in keys (ASP.NET Core Data Protection's key ring), shared by every
-- process on the database. One row per XML element (a key, a revocation), only ever added; read in
-- the order added. Secret: as protected as the rest of the database.
CREATE TABLE strategylayer.signin_keys (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name  text NOT NULL,
    xml   text NOT NULL,
    added timestamptz NOT NULL DEFAULT now()
);
