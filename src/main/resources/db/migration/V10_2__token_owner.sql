-- Every API token has an owner who answers for it: a personal token its user, a service token the
-- member who created it (or to whom an admin handed it). A service token works only while its owner
-- is an active member, and never with more than the owner's current role.
alter table api_token add column owner_id uuid;
update api_token set owner_id = user_id where user_id is not null;
update api_token set owner_id = (
    select m.user_id from membership m join app_user u on u.id = m.user_id
    where m.workspace_id = api_token.workspace_id and u.email = api_token.created_by)
where owner_id is null and kind = 'service';
create index api_token_owned on api_token (workspace_id, owner_id);
