-- A manufacturer's people, departments and sales in several schemas, with domains and XML. Written for
-- PreviewSdk's tests in the style of the public AdventureWorks sample as ported to PostgreSQL (schemas person,
-- humanresources and sales, domains "Name", "Flag" and "Phone", rowguid uuids, modifieddate timestamps, CHECKs
-- on date order and on codes, xml demographics). See README.md.

CREATE SCHEMA person;
CREATE SCHEMA humanresources;
CREATE SCHEMA sales;

CREATE DOMAIN public."Name" AS character varying(50);
CREATE DOMAIN public."Flag" AS boolean NOT NULL;
CREATE DOMAIN public."Phone" AS character varying(25);

CREATE TABLE person.countryregion (
    countryregioncode character varying(3) NOT NULL PRIMARY KEY,
    name public."Name" NOT NULL,
    modifieddate timestamp NOT NULL DEFAULT now());

CREATE TABLE person.stateprovince (
    stateprovinceid serial PRIMARY KEY,
    stateprovincecode character(3) NOT NULL,
    countryregioncode character varying(3) NOT NULL REFERENCES person.countryregion,
    isonlystateprovinceflag public."Flag" NOT NULL DEFAULT true,
    name public."Name" NOT NULL,
    rowguid uuid NOT NULL DEFAULT gen_random_uuid(),
    modifieddate timestamp NOT NULL DEFAULT now(),
    UNIQUE (stateprovincecode, countryregioncode));

CREATE TABLE person.address (
    addressid serial PRIMARY KEY,
    addressline1 character varying(60) NOT NULL,
    addressline2 character varying(60),
    city character varying(30) NOT NULL,
    stateprovinceid integer NOT NULL REFERENCES person.stateprovince,
    postalcode character varying(15) NOT NULL,
    rowguid uuid NOT NULL DEFAULT gen_random_uuid(),
    modifieddate timestamp NOT NULL DEFAULT now());

CREATE TABLE person.person (
    businessentityid serial PRIMARY KEY,
    persontype character(2) NOT NULL CHECK (upper(persontype::text) = ANY (ARRAY['SC', 'VC', 'IN', 'EM', 'SP', 'GC'])),
    title character varying(8),
    firstname public."Name" NOT NULL,
    middlename public."Name",
    lastname public."Name" NOT NULL,
    suffix character varying(10),
    emailpromotion integer NOT NULL DEFAULT 0 CHECK (emailpromotion >= 0 AND emailpromotion <= 2),
    demographics xml,
    rowguid uuid NOT NULL DEFAULT gen_random_uuid(),
    modifieddate timestamp NOT NULL DEFAULT now());

CREATE TABLE person.emailaddress (
    businessentityid integer NOT NULL REFERENCES person.person,
    emailaddressid serial NOT NULL,
    emailaddress character varying(50),
    rowguid uuid NOT NULL DEFAULT gen_random_uuid(),
    modifieddate timestamp NOT NULL DEFAULT now(),
    PRIMARY KEY (businessentityid, emailaddressid));

CREATE TABLE person.personphone (
    businessentityid integer NOT NULL REFERENCES person.person,
    phonenumber public."Phone" NOT NULL,
    modifieddate timestamp NOT NULL DEFAULT now(),
    PRIMARY KEY (businessentityid, phonenumber));

CREATE TABLE humanresources.department (
    departmentid serial PRIMARY KEY,
    name public."Name" NOT NULL,
    groupname public."Name" NOT NULL,
    modifieddate timestamp NOT NULL DEFAULT now());

CREATE TABLE humanresources.employee (
    businessentityid integer NOT NULL PRIMARY KEY REFERENCES person.person,
    nationalidnumber character varying(15) NOT NULL UNIQUE,
    loginid character varying(256) NOT NULL UNIQUE,
    jobtitle character varying(50) NOT NULL,
    birthdate date NOT NULL,
    maritalstatus character(1) NOT NULL CHECK (upper(maritalstatus::text) = ANY (ARRAY['M', 'S'])),
    gender character(1) NOT NULL CHECK (upper(gender::text) = ANY (ARRAY['M', 'F'])),
    hiredate date NOT NULL,
    salariedflag public."Flag" NOT NULL DEFAULT true,
    vacationhours smallint NOT NULL DEFAULT 0 CHECK (vacationhours >= -40 AND vacationhours <= 240),
    sickleavehours smallint NOT NULL DEFAULT 0 CHECK (sickleavehours >= 0 AND sickleavehours <= 120),
    currentflag public."Flag" NOT NULL DEFAULT true,
    rowguid uuid NOT NULL DEFAULT gen_random_uuid(),
    modifieddate timestamp NOT NULL DEFAULT now(),
    CHECK (birthdate >= '1930-01-01'),
    CHECK (hiredate >= '1996-07-01'));

CREATE TABLE humanresources.employeedepartmenthistory (
    businessentityid integer NOT NULL REFERENCES humanresources.employee,
    departmentid smallint NOT NULL,
    startdate date NOT NULL,
    enddate date,
    modifieddate timestamp NOT NULL DEFAULT now(),
    PRIMARY KEY (businessentityid, startdate, departmentid),
    CHECK (enddate >= startdate OR enddate IS NULL));

CREATE TABLE sales.currency (
    currencycode character(3) NOT NULL PRIMARY KEY,
    name public."Name" NOT NULL,
    modifieddate timestamp NOT NULL DEFAULT now());

CREATE TABLE sales.salesterritory (
    territoryid serial PRIMARY KEY,
    name public."Name" NOT NULL UNIQUE,
    countryregioncode character varying(3) NOT NULL REFERENCES person.countryregion,
    "group" character varying(50) NOT NULL,
    salesytd numeric NOT NULL DEFAULT 0.00 CHECK (salesytd >= 0.00),
    modifieddate timestamp NOT NULL DEFAULT now());

CREATE TABLE sales.salesorderheader (
    salesorderid serial PRIMARY KEY,
    revisionnumber smallint NOT NULL DEFAULT 0,
    orderdate timestamp NOT NULL DEFAULT now(),
    duedate timestamp NOT NULL,
    shipdate timestamp,
    status smallint NOT NULL DEFAULT 1 CHECK (status >= 0 AND status <= 8),
    onlineorderflag public."Flag" NOT NULL DEFAULT true,
    purchaseordernumber character varying(25),
    customerid integer NOT NULL,
    territoryid integer REFERENCES sales.salesterritory,
    billtoaddressid integer NOT NULL REFERENCES person.address,
    currencycode character(3) REFERENCES sales.currency,
    subtotal numeric NOT NULL DEFAULT 0.00 CHECK (subtotal >= 0.00),
    taxamt numeric NOT NULL DEFAULT 0.00 CHECK (taxamt >= 0.00),
    freight numeric NOT NULL DEFAULT 0.00 CHECK (freight >= 0.00),
    comment character varying(128),
    rowguid uuid NOT NULL DEFAULT gen_random_uuid(),
    modifieddate timestamp NOT NULL DEFAULT now(),
    CHECK (duedate >= orderdate),
    CHECK (shipdate >= orderdate OR shipdate IS NULL));

CREATE TABLE sales.salesorderdetail (
    salesorderid integer NOT NULL REFERENCES sales.salesorderheader ON DELETE CASCADE,
    salesorderdetailid serial NOT NULL,
    carriertrackingnumber character varying(25),
    orderqty smallint NOT NULL CHECK (orderqty > 0),
    unitprice numeric NOT NULL CHECK (unitprice >= 0.00),
    unitpricediscount numeric NOT NULL DEFAULT 0.0 CHECK (unitpricediscount >= 0.00),
    linetotal numeric NOT NULL,
    modifieddate timestamp NOT NULL DEFAULT now(),
    PRIMARY KEY (salesorderid, salesorderdetailid),
    CHECK (linetotal = orderqty * unitprice * (1.0 - unitpricediscount)));

COMMENT ON SCHEMA sales IS 'Orders, territories and currencies.';
COMMENT ON TABLE humanresources.employee IS 'Employees; each is also a person.';
