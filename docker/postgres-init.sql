-- Run by the postgres image on its first start only (empty data volume): each cooperative's
-- subgraph owns a database of its own, as in production, so no subgraph can read another's tables.
CREATE DATABASE alpes_entreprendre_members;
CREATE DATABASE alpes_entreprendre_contracts;
CREATE DATABASE alpes_entreprendre_finance;
CREATE DATABASE bretagne_cooperer_members;
CREATE DATABASE bretagne_cooperer_contracts;
CREATE DATABASE bretagne_cooperer_finance;
-- The network's own subgraph (its registry of cooperatives, partners, agreements, committees) owns
-- one too: the network's records are no cooperative's, and no cooperative's subgraph reads them.
CREATE DATABASE network;
