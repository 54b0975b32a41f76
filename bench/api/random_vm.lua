-- wrk script: GET /api/vms/{id} with an id drawn from the loaded VMs, Bearer token auth
local ids = {}
for line in io.lines(os.getenv("VM_IDS")) do ids[#ids + 1] = line end
local token = os.getenv("TOKEN")
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/vms/" .. id, { ["Authorization"] = "Bearer " .. token })
end
